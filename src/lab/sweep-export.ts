import { DEFAULT_CONFIG, formatDelay } from '../engine/config';
import type { SimConfig } from '../engine/types';
import { round9 } from '../cli/format';
import { PARAM_SPECS } from './sweep-params';
import type { SweepPlan } from './sweep-plan';
import type { Band, PointSummary } from './sweep-stats';

/**
 * The CLI's arguments for one point: the flags that differ from the CLI's defaults and apply to
 * the point's protocol (the CLI refuses a flag that would change nothing), plus the trials and
 * the seed, so the command prints exactly the point's numbers.
 */
export function cliArgs(c: SimConfig, trials: number): string[] {
  const a = ['--nodes', String(c.nodes), '--protocol', c.protocol];
  if (c.fanout !== 1) a.push('--fanout', String(c.fanout));
  if (c.topology !== 'complete') a.push('--topology', c.topology);
  if (c.topology === 'ring' || c.topology === 'random') a.push('--degree', String(c.degree));
  if (c.loss !== 0) a.push('--loss', String(c.loss));
  if (c.protocol === 'rumor') a.push('--interest', c.interest, '--k', String(c.k));
  if (c.antiEntropy !== 0) a.push('--anti-entropy', String(c.antiEntropy));
  if (formatDelay(c.delay) !== formatDelay(DEFAULT_CONFIG.delay)) a.push('--delay', formatDelay(c.delay));
  if (c.crashRate !== 0) a.push('--crash-rate', String(c.crashRate));
  if (c.crashRate !== 0 && c.recoverRate !== 0) a.push('--recover-rate', String(c.recoverRate));
  if (c.crashRate !== 0 && c.recoverRate !== 0 && c.recoverEmpty) a.push('--recover-empty');
  a.push('--trials', String(trials), '--seed', String(c.seed));
  return a;
}

/** One shell line per point. */
export function cliCommands(plan: SweepPlan): string[] {
  return plan.points.map((p) => `npm run --silent sim -- ${cliArgs(p.config, plan.trials).join(' ')}`);
}

const CSV_HEADER = [
  'parameter', 'value', 'trials', 'converged',
  'rounds_p5', 'rounds_p50', 'rounds_p95', 'rounds_mean',
  'messages_p5', 'messages_p50', 'messages_p95', 'messages_mean',
  'theory_rounds', 'theory_mean_field_rounds', 'theory_messages', 'seed_first', 'seed_last',
];

/** A number as the CLI prints it (9 significant digits); empty when there is none. */
const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(round9(v)));
const bandCells = (b: Band | null): string[] => [num(b?.p5), num(b?.p50), num(b?.p95), num(b?.mean)];

/** The finished points as CSV, one row per point; p50, p95 and mean are the CLI's own figures for the same seeds. */
export function sweepCsv(plan: SweepPlan, points: readonly (PointSummary | null)[]): string {
  const flag = PARAM_SPECS[plan.request.param].flag.slice(2);
  const rows = points.filter((p): p is PointSummary => p !== null).map((p) => {
    const seed = plan.points[p.index].config.seed;
    return [
      flag, p.label, String(p.trials), num(p.converged),
      ...bandCells(p.rounds), ...bandCells(p.messages),
      num(p.theory.rounds), num(p.theory.meanFieldRounds), num(p.theory.messages),
      String(seed), String((seed + plan.trials - 1) >>> 0),
    ].join(',');
  });
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}

/** The whole sweep as JSON: the request, the base configuration, each point with its CLI command. */
export function sweepJson(plan: SweepPlan, points: readonly (PointSummary | null)[]): string {
  const commands = cliCommands(plan);
  return `${JSON.stringify({
    format: 'gossip-lab-sweep',
    version: 1,
    request: plan.request,
    base: plan.base,
    trials: plan.trials,
    maxRounds: plan.maxRounds,
    points: points.filter((p): p is PointSummary => p !== null).map((p) => ({ ...p, config: plan.points[p.index].config, cli: commands[p.index] })),
  }, (_k, v: unknown) => (typeof v === 'number' ? round9(v) : v), 2)}\n`;
}
