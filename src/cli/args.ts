import { LIMITS, MAX_EDGES, expectedEdges } from '../engine/config';
import { TOPOLOGIES, type TopologyName } from '../engine/types';

/** The engine owns the graph-size limit; re-exported for the CLI's callers and tests. */
export { MAX_EDGES, expectedEdges };

/** The protocols the CLI runs and has theory for (the engine may know more). */
export const CLI_PROTOCOLS = ['push', 'pull', 'push-pull'] as const;
export type CliProtocol = (typeof CLI_PROTOCOLS)[number];

/** Everything the runner needs, resolved from the command line. */
export interface CliOptions {
  nodes: number;
  protocol: CliProtocol;
  fanout: number;
  topology: TopologyName;
  degree: number;
  loss: number;
  trials: number;
  seed: number;
  maxRounds: number;
  series: boolean;
  format: 'json' | 'csv';
}

export const DEFAULT_OPTIONS: CliOptions = {
  nodes: 1000,
  protocol: 'push',
  fanout: 1,
  topology: 'complete',
  degree: 6,
  loss: 0,
  trials: 1,
  seed: 1,
  maxRounds: 10_000,
  series: false,
  format: 'json',
};

export type ParseResult =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/**
 * Explicit graphs (ring, random) are stored as edge lists of ~24 bytes per edge while they
 * are built; past this many edges a run would need gigabytes, so it is refused up front.
 */

const FORMATS = ['json', 'csv'] as const;
const num = (v: number): string => v.toLocaleString('en-US');

type Spec =
  | { key: keyof CliOptions; type: 'int'; min: number; max: number; text?: string }
  | { key: keyof CliOptions; type: 'choice'; values: readonly string[] }
  | { key: keyof CliOptions; type: 'probability' }
  | { key: keyof CliOptions; type: 'switch' };

const SPECS: Record<string, Spec> = {
  '--nodes': { key: 'nodes', type: 'int', min: LIMITS.nodes.min, max: LIMITS.nodes.max },
  '--protocol': { key: 'protocol', type: 'choice', values: CLI_PROTOCOLS },
  '--fanout': { key: 'fanout', type: 'int', min: 1, max: LIMITS.nodes.max - 1, text: 'an integer from 1 to nodes - 1' },
  '--topology': { key: 'topology', type: 'choice', values: TOPOLOGIES },
  '--degree': { key: 'degree', type: 'int', min: LIMITS.degree.min, max: LIMITS.degree.max },
  '--loss': { key: 'loss', type: 'probability' },
  '--trials': { key: 'trials', type: 'int', min: 1, max: 100_000 },
  '--seed': { key: 'seed', type: 'int', min: LIMITS.seed.min, max: LIMITS.seed.max },
  '--max-rounds': { key: 'maxRounds', type: 'int', min: 1, max: 1_000_000 },
  '--series': { key: 'series', type: 'switch' },
  '--format': { key: 'format', type: 'choice', values: FORMATS },
};

/** What a flag accepts, as the tail of "--x must be …" / "--x takes …". */
function accepts(spec: Spec): string {
  switch (spec.type) {
    case 'int': return spec.text ?? `an integer from ${num(spec.min)} to ${num(spec.max)}`;
    case 'choice': return `one of ${spec.values.join(', ')}`;
    case 'probability': return 'a number from 0 to 1';
    case 'switch': return 'no value';
  }
}

// Plain decimal digits only: "1e3", "+5", "5.0", " 5" and "" are refused rather than coerced
// (Number("") is 0, Number("1e3") is 1000 — both traps for a strict command line).
const INT = /^\d+$/;
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

function parseValue(flag: string, spec: Spec, raw: string): { value: CliOptions[keyof CliOptions] } | { error: string } {
  const bad = { error: `${flag} must be ${accepts(spec)} (got ${JSON.stringify(raw)})` };
  switch (spec.type) {
    case 'int': {
      if (!INT.test(raw)) return bad;
      const v = Number(raw);
      return v >= spec.min && v <= spec.max ? { value: v } : bad;
    }
    case 'probability': {
      if (!DECIMAL.test(raw)) return bad;
      const v = Number(raw);
      return v >= 0 && v <= 1 ? { value: v } : bad;
    }
    case 'choice':
      return spec.values.includes(raw) ? { value: raw as CliOptions[keyof CliOptions] } : bad;
    case 'switch':
      return { error: `${flag} takes no value (got ${JSON.stringify(raw)})` };
  }
}

/**
 * Parses and validates the command line strictly: every problem becomes one message that
 * names the flag and what it accepts; nothing is guessed or coerced.
 *
 * @example
 *   parseCli(['--nodes', '5000', '--protocol=pull']); // { kind: 'run', options: { nodes: 5000, … } }
 *   parseCli(['--nodes', 'abc']).kind;                 // 'error'
 */
export function parseCli(argv: readonly string[]): ParseResult {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const options: CliOptions = { ...DEFAULT_OPTIONS };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      return { kind: 'error', message: `unexpected argument ${JSON.stringify(arg)}: values follow their flag, e.g. --nodes 1000 (see --help)` };
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = SPECS[flag];
    if (!spec) return { kind: 'error', message: `unknown flag ${flag}: expected one of ${Object.keys(SPECS).join(', ')}, --help` };
    if (seen.has(flag)) return { kind: 'error', message: `${flag} was given twice: it takes ${spec.type === 'switch' ? 'no value and appears once' : `one value, ${accepts(spec)}`}` };
    seen.add(flag);
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (spec.type !== 'switch') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return { kind: 'error', message: `${flag} needs a value: ${accepts(spec)}` };
      raw = next;
      i++;
    }
    if (raw === undefined) {
      (options as unknown as Record<string, unknown>)[spec.key] = true;
      continue;
    }
    const parsed = parseValue(flag, spec, raw);
    if ('error' in parsed) return { kind: 'error', message: parsed.error };
    (options as unknown as Record<string, unknown>)[spec.key] = parsed.value;
  }
  const problem = crossCheck(options);
  return problem ? { kind: 'error', message: problem } : { kind: 'run', options };
}

/** Problems that involve two flags at once. */
function crossCheck(o: CliOptions): string | null {
  if (o.fanout > o.nodes - 1) return `--fanout must be an integer from 1 to ${num(o.nodes - 1)} (nodes - 1) (got "${o.fanout}")`;
  const edges = expectedEdges(o);
  if (edges > MAX_EDGES) {
    return `--degree ${o.degree} with --nodes ${num(o.nodes)} would build about ${num(Math.round(edges))} edges: a ${o.topology} graph is limited to ${num(MAX_EDGES)} edges (lower --degree or --nodes)`;
  }
  return null;
}

/** Edges of the explicit graph the run would build (expected value for the random graph). */

const HELP_ROWS: [string, string, string][] = [
  ['--nodes N', `cluster size, ${num(LIMITS.nodes.min)} to ${num(LIMITS.nodes.max)}`, '1000'],
  ['--protocol P', 'push | pull | push-pull', 'push'],
  ['--fanout F', 'distinct peers per node and round, 1 to N-1', '1'],
  ['--topology T', 'complete | ring | random | grid', 'complete'],
  ['--degree D', `mean degree (random) or neighbours (ring), 1 to ${num(LIMITS.degree.max)}`, '6'],
  ['--loss P', 'probability that a message is lost, 0 to 1', '0'],
  ['--trials T', 'independent runs, 1 to 100,000', '1'],
  ['--seed S', 'seed of trial 0, 0 to 4294967295 (trial i: seed + i)', '1'],
  ['--max-rounds R', 'stop a trial after R rounds, 1 to 1,000,000', '10,000'],
  ['--series', 'also print the mean informed fraction per round', ''],
  ['--format F', 'json | csv (csv: one row per round of the series)', 'json'],
  ['--help', 'this text', ''],
];

export const USAGE = `Usage: npm run --silent sim -- [flags]

Runs gossip-protocol trials on the Gossip Lab engine and prints one JSON summary on stdout.

Flags (--flag value or --flag=value; integers are plain decimal digits):
${HELP_ROWS.map(([flag, text, def]) => `  ${flag.padEnd(16)} ${def ? `${text.padEnd(58)} default ${def}` : text}`).join('\n')}

The origin is node 0. A trial ends when every node the origin can reach is informed, when
nothing more can spread (loss 1), or at --max-rounds.
Exit status: 0 on success, 2 on a bad flag (one line on stderr), 1 on a runtime failure.

Example:
  npm run --silent sim -- --nodes 100000 --protocol push-pull --trials 20 --series
`;
