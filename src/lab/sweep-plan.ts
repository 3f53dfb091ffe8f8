import { configProblems } from '../engine/config';
import { literatureRounds, primaryBackupRounds } from '../engine/theory';
import { PROTOCOLS, type ProtocolName, type SimConfig } from '../engine/types';
import { PARAM_SPECS, protocolIndex, valueLabel, type SweepParam } from './sweep-params';

/** What the user asks for. `from`/`to` are as typed (percent for loss and crash rate). */
export interface SweepRequest {
  param: SweepParam;
  from: number;
  to: number;
  steps: number;
  trials: number;
  /** For the protocol sweep: the protocols to compare, in this order. */
  protocols?: readonly ProtocolName[];
  /** The user confirmed a sweep past NODE_ROUNDS_CONFIRM. */
  confirmed?: boolean;
}

/** One point of the sweep: its value and the configuration its trials run (trial i: seed + i). */
export interface SweepPoint {
  index: number;
  value: number;
  label: string;
  config: SimConfig;
}

export interface SweepPlan {
  request: SweepRequest;
  base: SimConfig;
  points: SweepPoint[];
  trials: number;
  /** The CLI's default --max-rounds, so a point and its CLI command stop at the same round. */
  maxRounds: number;
  /** Estimated node-rounds of the whole sweep (nodes × expected rounds × trials, summed). */
  nodeRounds: number;
}

/**
 * Why a request was refused, as an id and its values, so the page can say it in its language
 * (src/lab stays free of i18n); `message` is the same in English, for the CLI and the tests.
 */
export type SweepProblemCode =
  | 'trials' | 'noProtocols' | 'notNumbers' | 'steps' | 'reversed' | 'empty' | 'outOfRange' | 'inert' | 'invalidConfig' | 'tooBig';

export interface SweepProblem {
  code: SweepProblemCode;
  param: SweepParam;
  /** Numbers as numbers (the page formats them); `detail` is the engine's own reason (invalidConfig), `protocol` the base's (inert). */
  values: { min?: number; max?: number; from?: number; to?: number; value?: number; nodeRounds?: number; detail?: string; protocol?: ProtocolName };
}

export type PlanResult =
  | { ok: true; plan: SweepPlan }
  | { ok: false; message: string; problem: SweepProblem; needsConfirm?: boolean };

export const MAX_STEPS = 50;
export const MAX_TRIALS = 1000;
/** Past this many estimated node-rounds a sweep takes minutes to hours in a tab: ask first. */
const NODE_ROUNDS_CONFIRM = 1e9;
const SWEEP_MAX_ROUNDS = 10_000;

const fmt = (v: number): string => v.toLocaleString('en-US');

/**
 * The configuration the CLI runs for this form configuration: origin 0, one key (the CLI has no
 * flag for either), and a ring's degree made even — a ring links ⌊D/2⌋ per side, so D and D − 1
 * build the same ring, and the CLI refuses the odd one as a flag with no effect.
 */
function cliBase(form: SimConfig): SimConfig {
  const degree = form.topology === 'ring' ? 2 * Math.max(1, Math.floor(form.degree / 2)) : form.degree;
  return { ...form, origin: 0, keys: 1, degree };
}

/** The range's values: evenly spaced (log10-spaced for nodes), rounded for whole-number parameters, without repeats. */
export function rangeValues(param: SweepParam, from: number, to: number, steps: number): number[] {
  const spec = PARAM_SPECS[param];
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t = steps === 1 ? 0 : i / (steps - 1);
    const raw = spec.scale === 'log' ? from * (to / from) ** t : from + (to - from) * t;
    // Six decimals of a percent are finer than any loss the engine can tell apart.
    const v = spec.integer ? Math.round(raw) : Math.round(raw * 1e6) / 1e6;
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/**
 * A rough round count for the estimate only: the literature's count on the complete graph
 * without loss, stretched by loss and delay (rumor mongering runs about as long as push).
 */
export function estimatedRounds(c: SimConfig): number {
  const nodes = Math.max(2, c.nodes);
  const base = c.protocol === 'primary-backup' ? primaryBackupRounds(nodes, c.fanout)
    : literatureRounds(c.protocol === 'rumor' ? 'push' : c.protocol, nodes, c.fanout).rounds;
  const delay = c.delay.kind === 'fixed' ? c.delay.rounds : c.delay.kind === 'uniform' ? (c.delay.min + c.delay.max) / 2 : c.delay.mean;
  return Math.ceil((base * delay) / Math.max(0.01, 1 - c.loss));
}

/** Checks a request against a base configuration; every refusal says what to change, and nothing runs. */
export function planSweep(request: SweepRequest, form: SimConfig): PlanResult {
  const { param, from, to, steps, trials } = request;
  const spec = PARAM_SPECS[param];
  const base = cliBase(form);
  const problem = (message: string, code: SweepProblemCode, values: SweepProblem['values'] = {}, needsConfirm = false): PlanResult =>
    ({ ok: false, message, problem: { code, param, values }, ...(needsConfirm ? { needsConfirm } : {}) });
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) return problem(`Trials per point must be a whole number from 1 to ${fmt(MAX_TRIALS)}.`, 'trials', { max: MAX_TRIALS });
  let values: number[];
  if (spec.scale === 'categories') {
    const chosen = request.protocols ?? PROTOCOLS;
    if (chosen.length === 0) return problem('Pick at least one protocol to compare.', 'noProtocols');
    values = chosen.map(protocolIndex);
  } else {
    if (!Number.isFinite(from) || !Number.isFinite(to)) return problem(`${spec.label}: both ends of the range must be numbers.`, 'notNumbers');
    if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) return problem(`Steps must be a whole number from 1 to ${MAX_STEPS}.`, 'steps', { max: MAX_STEPS });
    if (from > to) return problem(`${spec.label}: the range is reversed (from ${fmt(from)} to ${fmt(to)}); put the smaller value first.`, 'reversed', { from, to });
    if (from === to && steps > 1) return problem(`${spec.label}: the range is empty (from and to are both ${fmt(from)}); widen it or use 1 step.`, 'empty', { from });
    if (from < spec.min || to > spec.max) return problem(`${spec.label}: the range must lie within ${fmt(spec.min)} to ${fmt(spec.max)}${spec.unit}.`, 'outOfRange', { min: spec.min, max: spec.max });
    const inert = spec.inert?.(base);
    if (inert) return problem(inert, 'inert', { protocol: base.protocol });
    values = rangeValues(param, from, to, steps);
  }
  const points: SweepPoint[] = [];
  let nodeRounds = 0;
  for (const value of values) {
    const config = spec.apply(base, value);
    const wrong = configProblems(config);
    if (wrong.length > 0) return problem(`${spec.label} ${valueLabel(param, value)}: ${wrong[0]}.`, 'invalidConfig', { value, detail: wrong[0] });
    nodeRounds += config.nodes * estimatedRounds(config) * trials;
    points.push({ index: points.length, value, label: valueLabel(param, value), config });
  }
  if (nodeRounds > NODE_ROUNDS_CONFIRM && !request.confirmed) {
    return problem(`This sweep is about ${nodeRounds.toExponential(1)} node-rounds (more than 10^9): it may take a long time in this tab. Confirm to run it anyway, or use fewer trials, steps or nodes.`, 'tooBig', { nodeRounds }, true);
  }
  return { ok: true, plan: { request, base, points, trials, maxRounds: SWEEP_MAX_ROUNDS, nodeRounds } };
}
