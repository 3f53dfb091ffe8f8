import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';
import { runTrial } from '../cli/trial';

/** One round of a run, as the compare charts and table read it (key 0, the run's update). */
export interface CurvePoint {
  round: number;
  /** Share of the live nodes holding the newest version. */
  fraction: number;
  sent: number;
  /** Delivered messages, the redundant ones included (as RoundMetrics counts them). */
  delivered: number;
  redundant: number;
  dropped: number;
}

/** What a kept run's curve is computed from: its settings and seed, its actions, the round it was kept at. */
export interface RunSpec {
  config: SimConfig;
  actions: LoggedAction[];
  round: number;
}

/** Rounds a kept run is followed at most (the page's runs end far sooner; a lossy one may not). */
const CURVE_MAX_ROUNDS = 2000;

export function curvePoint(m: RoundMetrics): CurvePoint {
  return {
    round: m.round,
    fraction: m.live > 0 ? (m.informed[0] ?? 0) / m.live : 0,
    sent: m.sent,
    delivered: m.delivered,
    redundant: m.redundant,
    dropped: m.droppedLoss + m.droppedPartition + m.droppedDead,
  };
}

/**
 * A kept run's curve, recomputed by running it: the CLI's own trial function (same engine, same
 * seed, same actions, so the same run the page showed) until it ends by the CLI's stop rules —
 * everyone reachable informed, or nothing more can spread — so every kept run is measured the
 * same way, whatever round it was kept at.
 */
export function runCurve(spec: RunSpec, maxRounds = CURVE_MAX_ROUNDS): CurvePoint[] {
  const points: CurvePoint[] = [];
  runTrial(spec.config, maxRounds, (round, fraction, m) => {
    points.push(m ? curvePoint(m) : { round, fraction, sent: 0, delivered: 0, redundant: 0, dropped: 0 });
  }, spec.actions);
  return points;
}

/** The compare table's figures of one run. */
export interface RunStats {
  /** First round at which 50 %, 99 % and every live node held the update; null when it never did. */
  to50: number | null;
  to99: number | null;
  to100: number | null;
  /** Messages sent, per node. */
  messagesPerNode: number;
  /** Share of the live nodes without the update at the end. */
  residue: number;
  /** Share of the delivered messages that told the receiver nothing new. */
  redundantShare: number;
}

export function runStats(points: readonly CurvePoint[], nodes: number): RunStats {
  const first = (share: number): number | null => points.find((p) => p.fraction >= share - 1e-9)?.round ?? null;
  let sent = 0, delivered = 0, redundant = 0;
  for (const p of points) {
    sent += p.sent;
    delivered += p.delivered;
    redundant += p.redundant;
  }
  const last = points[points.length - 1];
  return {
    to50: first(0.5),
    to99: first(0.99),
    to100: first(1),
    messagesPerNode: nodes > 0 ? sent / nodes : 0,
    residue: last ? Math.max(0, 1 - last.fraction) : 1,
    redundantShare: delivered > 0 ? redundant / delivered : 0,
  };
}
