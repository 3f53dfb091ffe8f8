import { configProblems, DEFAULT_CONFIG, MAX_DELAY, MAX_EDGES, formatDelay, parseDelay } from '../engine/config';
import { CLI_BUDGET, costProblems } from '../engine/limits';
import { DEFAULT_HEARTBEAT, MEMBERSHIP_MAX_NODES, membershipConfigProblems } from '../engine/membership';
import { accepts, appliesTo, FLAG_BY_KEY, inScope, scopeProblem, SPEC_BY_FLAG, SPECS, type Spec } from './flags';
import { DEFAULT_OPTIONS, isMembership, MEMBERSHIP_MAX_ROUNDS, type CliOptions } from './options';
import { membershipConfigOf } from './membership-trial';
import { membershipNoEffect, spreadingNoEffect } from './no-effect';
import { oneLine } from './format';

/** The engine owns the graph-size limit; re-exported for the CLI's callers and tests. */
export { MAX_EDGES };
export { DEFAULT_OPTIONS, type CliOptions } from './options';
export { USAGE } from './help';

export type ParseResult =
  /** `explicit`: the flags given on the command line (a scenario's settings yield to them). */
  | { kind: 'run'; options: CliOptions; explicit: ReadonlySet<string> }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

const num = (v: number): string => v.toLocaleString('en-US');

// Plain decimal digits only: "1e3", "+5", "5.0", " 5" and "" are refused rather than coerced
// (Number("") is 0, Number("1e3") is 1000 — both traps for a strict command line).
const INT = /^\d+$/;
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const SEEDS = /^(?:none|\d+(?:,\d+)*)$/;

type Parsed = { value: unknown } | { error: string };

function parseValue(spec: Spec, raw: string): Parsed {
  const bad = { error: `${spec.flag} must be ${accepts(spec)} (got ${JSON.stringify(raw)})` };
  switch (spec.type) {
    case 'int':
    case 'number': {
      if (!(spec.type === 'int' ? INT : DECIMAL).test(raw)) return bad;
      const v = Number(raw);
      return v >= spec.min && v <= spec.max ? { value: v } : bad;
    }
    case 'probability': {
      if (!DECIMAL.test(raw)) return bad;
      const v = Number(raw);
      return v >= 0 && v <= 1 ? { value: v } : bad;
    }
    case 'choice':
      return spec.values.includes(raw) ? { value: raw } : bad;
    case 'switch':
      return { error: `${spec.flag} takes no value (got ${JSON.stringify(raw)})` };
    case 'delay': {
      const delay = parseDelay(raw);
      if (!delay) return bad;
      // The engine owns the ranges: ask it whether the delay is valid, and say what each kind needs.
      if (!configProblems({ ...DEFAULT_CONFIG, delay }).some((p) => p.startsWith('delay: '))) return { value: delay };
      const needs = delay.kind === 'fixed' ? `fixed:D with D an integer from 1 to ${MAX_DELAY}`
        : delay.kind === 'uniform' ? `uniform:A:B with integers 1 <= A <= B <= ${MAX_DELAY}`
          : `exp:MEAN with MEAN from 1 to ${MAX_DELAY / 10}`;
      return { error: `${spec.flag} must be ${needs} (got ${JSON.stringify(raw)})` };
    }
    case 'path':
      return raw === '' ? bad : { value: raw };
    case 'seeds':
      return SEEDS.test(raw) ? { value: raw === 'none' ? [] : raw.split(',').map(Number) } : bad;
  }
}

function set(options: CliOptions, key: string, value: unknown): void {
  const dot = key.indexOf('.');
  const target = options as unknown as Record<string, Record<string, unknown>>;
  if (dot < 0) (options as unknown as Record<string, unknown>)[key] = value;
  else target[key.slice(0, dot)] = { ...target[key.slice(0, dot)], [key.slice(dot + 1)]: value };
}

/**
 * Parses and validates the command line strictly: every problem becomes one message that
 * names the flag and what it accepts; nothing is guessed or coerced. A scenario file is not
 * read here (see scenario-file.ts): checks that depend on its contents come later.
 *
 * @example
 *   parseCli(['--nodes', '5000', '--protocol=pull']); // { kind: 'run', options: { nodes: 5000, … } }
 *   parseCli(['--nodes', 'abc']).kind;                 // 'error'
 */
export function parseCli(argv: readonly string[]): ParseResult {
  if (asksForHelp(argv)) return { kind: 'help' };
  const result = parseArgs(argv);
  // One line, whatever the user typed: a flag with a newline or an escape sequence in it is shown escaped.
  return result.kind === 'error' ? { kind: 'error', message: oneLine(result.message) } : result;
}

/**
 * --help or -h where a flag stands, wherever on the line (`--nodes abc -h` asks for help), but
 * not as a flag's value: `--scenario -h` names a file called -h.
 */
function asksForHelp(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return true;
    const spec = arg.startsWith('--') && !arg.includes('=') ? SPEC_BY_FLAG.get(arg) : undefined;
    if (spec && spec.type !== 'switch' && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) i++;
  }
  return false;
}

function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = { ...DEFAULT_OPTIONS, swim: {}, heartbeat: {} };
  const raws = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      return { kind: 'error', message: `unexpected argument ${JSON.stringify(arg)}: values follow their flag, e.g. --nodes 1000 (see --help)` };
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = SPEC_BY_FLAG.get(flag);
    if (!spec) return { kind: 'error', message: `unknown flag ${flag}: expected one of ${SPECS.map((s) => s.flag).join(', ')}, --help` };
    if (raws.has(flag)) return { kind: 'error', message: `${flag} was given twice: it takes ${spec.type === 'switch' ? 'no value and appears once' : `one value, ${accepts(spec)}`}` };
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (spec.type !== 'switch') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return { kind: 'error', message: `${flag} needs a value: ${accepts(spec)}` };
      raw = next;
      i++;
    }
    raws.set(flag, raw ?? '');
    if (raw === undefined) {
      set(options, spec.key, true);
      continue;
    }
    const parsed = parseValue(spec, raw);
    if ('error' in parsed) return { kind: 'error', message: parsed.error };
    set(options, spec.key, parsed.value);
  }
  if (isMembership(options.protocol) && !raws.has('--max-rounds')) options.maxRounds = MEMBERSHIP_MAX_ROUNDS;
  const problem = crossCheck(options, raws);
  return problem ? { kind: 'error', message: problem } : { kind: 'run', options, explicit: new Set(raws.keys()) };
}

/** Problems that involve two flags at once, or the protocol and a flag. */
function crossCheck(o: CliOptions, raws: ReadonlyMap<string, string>): string | null {
  // A scenario names its own protocol: until it is read, only membership flags are known to be wrong.
  const protocol = o.scenario !== null && !raws.has('--protocol') ? null : o.protocol;
  for (const flag of raws.keys()) {
    if (protocol !== null) {
      const problem = scopeProblem(flag, protocol);
      if (problem) return problem;
    } else if (!inScope(SPEC_BY_FLAG.get(flag)!.scope, 'rumor')) {
      return `${appliesTo(flag)}; --scenario describes a spreading run`;
    }
  }
  if (isMembership(o.protocol)) return membershipCheck(o, raws);
  if (o.scenario !== null) return null; // the rest is checked against the scenario's configuration
  if (o.fanout > o.nodes - 1) return `--fanout must be an integer from 1 to ${num(o.nodes - 1)} (nodes - 1) (got "${o.fanout}")`;
  // The page's cost model with the command line's budget: the same words, larger limits.
  const cost = costProblems(o, CLI_BUDGET)[0];
  if (cost) return `--${cost.field} ${cost.field === 'delay' ? formatDelay(o.delay) : o[cost.field]} with --nodes ${num(o.nodes)}: ${cost.message} (lower --${cost.field} or --nodes)`;
  return spreadingNoEffect(o, new Set(raws.keys()), o.format);
}

function membershipCheck(o: CliOptions, raws: ReadonlyMap<string, string>): string | null {
  if (o.nodes > MEMBERSHIP_MAX_NODES) {
    return `--nodes must be at most ${num(MEMBERSHIP_MAX_NODES)} for --protocol ${o.protocol}: every node keeps a view of every other node, n² entries (got "${raws.get('--nodes')}")`;
  }
  if (o.crashAt !== null && o.crashAt >= o.maxRounds) {
    return `--crash-at must be below --max-rounds (${num(o.maxRounds)}): the crash would come after the run (got "${o.crashAt}")`;
  }
  if (o.warmup >= o.maxRounds) return `--warmup must be below --max-rounds (${num(o.maxRounds)}) (got "${o.warmup}")`;
  // The engine knows the rules that tie parameters together (t-cleanup ≥ t-fail, seeds < nodes).
  const problem = membershipConfigProblems(membershipConfigOf(o, o.seed))[0];
  if (!problem) return membershipNoEffect(o, new Set(raws.keys()));
  if (problem.startsWith('heartbeat.tCleanup:') && !raws.has('--t-cleanup') && raws.has('--t-fail')) {
    // The user raised --t-fail past the default --t-cleanup: that is the flag they gave.
    const tCleanup = DEFAULT_HEARTBEAT.tCleanup;
    return `--t-fail ${raws.get('--t-fail')} is above --t-cleanup (${tCleanup}, the default): a member would be forgotten before it is marked down (give --t-cleanup 0 to never forget, or at least --t-fail)`;
  }
  const colon = problem.indexOf(':');
  const flag = FLAG_BY_KEY.get(problem.slice(0, colon)) ?? `--${problem.slice(0, colon)}`;
  const raw = raws.get(flag);
  // The engine names fields (tFail); the user knows flags (--t-fail).
  const text = problem.slice(colon + 2).replace(/\btFail\b/g, '--t-fail');
  return `${flag} must be ${text}${raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
}
