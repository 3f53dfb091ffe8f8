import { meanFieldSeries } from '../engine/theory';
import type { RoundMetrics, SimConfig } from '../engine/types';
import { informedFraction } from './selectors';

export interface Point {
  round: number;
  fraction: number;
}

export interface MessagePoint {
  round: number;
  delivered: number;
  dropped: number;
  redundant: number;
}

/** Rounds of theory drawn at most (a lossy run can take very long to finish). */
const THEORY_MAX_ROUNDS = 400;

const WHY_NOT: Record<string, string> = {
  ring: 'on a ring, spreading is limited by the graph\'s diameter',
  grid: 'on a grid, spreading is limited by the graph\'s diameter',
  random: 'on a random graph, spreading is limited by the graph\'s expansion',
};

export function informedPoints(history: readonly RoundMetrics[], key: number): Point[] {
  return history.map((m) => ({ round: m.round, fraction: informedFraction(m, key) }));
}

export function messagePoints(history: readonly RoundMetrics[]): MessagePoint[] {
  return history.map((m) => ({
    round: m.round,
    delivered: m.delivered,
    redundant: m.redundant,
    dropped: m.droppedLoss + m.droppedPartition + m.droppedDead,
  }));
}

export interface TheoryInput {
  config: SimConfig;
  /** Newest version of the shown key (0 = none yet) and the round it was written in. */
  latest: number;
  since: number;
  loss: number;
  round: number;
  /** Live nodes now, and whether a partition is in place. */
  live: number;
  partitioned: boolean;
}

/**
 * The mean-field expected informed fraction, started at the round the newest version was
 * written, or a note saying why there is none (or what it assumes that the run breaks).
 */
export function theoryCurve(t: TheoryInput): { theory: Point[] | null; note: string | null } {
  const c = t.config;
  if (c.topology !== 'complete') {
    return { theory: null, note: `The mean-field curve assumes a complete graph; ${WHY_NOT[c.topology] ?? 'this graph is not complete'}.` };
  }
  if (c.protocol !== 'push' && c.protocol !== 'pull' && c.protocol !== 'push-pull') {
    return { theory: null, note: `No mean-field curve for ${c.protocol}.` };
  }
  if (t.latest === 0) return { theory: null, note: 'No update written yet: press Write update.' };
  const model = { protocol: c.protocol, nodes: c.nodes, fanout: c.fanout, loss: t.loss };
  const span = Math.min(THEORY_MAX_ROUNDS, Math.max(t.round - t.since, 1));
  // The whole predicted curve (until everyone is expected to know) or the rounds run so far,
  // whichever is longer: the curve runs ahead of the simulation as a prediction.
  const predicted = meanFieldSeries(model);
  const values = predicted.length - 1 >= span ? predicted.slice(0, THEORY_MAX_ROUNDS + 1) : meanFieldSeries(model, span);
  const theory = values.map((fraction, i) => ({ round: t.since + i, fraction }));
  const broken = t.partitioned
    ? 'The curve assumes every node can reach every other; the partition breaks that.'
    : t.live < c.nodes ? 'The curve assumes every node is alive; crashed nodes slow the real run.' : null;
  return { theory, note: broken };
}
