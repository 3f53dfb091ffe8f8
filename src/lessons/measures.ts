import type { RoundMetrics } from '../engine/types';
import type { RunRecord, TracePoint } from './types';

/**
 * What the engine measured in a run, for a prediction: each a pure function of the run's
 * recorded metrics or frames, null while the run has not shown it yet.
 */

/** First round after which every live node holds the newest version of key 0. */
export function roundsToAll(history: readonly RoundMetrics[]): number | null {
  const hit = history.find((m) => m.live > 0 && m.round > 0 && (m.informed[0] ?? 0) >= m.live);
  return hit ? hit.round : null;
}

/** First round after which at least half the live nodes hold the newest version. */
function roundsToHalf(history: readonly RoundMetrics[]): number | null {
  const hit = history.find((m) => m.live > 0 && (m.informed[0] ?? 0) * 2 >= m.live);
  return hit ? hit.round : null;
}

/** Rounds from half the nodes informed to all of them: the push endgame (≈ ln n). */
export function lastHalfRounds(history: readonly RoundMetrics[]): number | null {
  const all = roundsToAll(history), half = roundsToHalf(history);
  return all === null || half === null ? null : all - half;
}

/** Messages sent per node until every live node knew (the cost of spreading one update). */
export function messagesPerNode(history: readonly RoundMetrics[], nodes: number): number | null {
  const all = roundsToAll(history);
  if (all === null || nodes <= 0) return null;
  return history.filter((m) => m.round <= all).reduce((sum, m) => sum + m.sent, 0) / nodes;
}

/** Rumor mongering: the share of live nodes (%) the rumor never reached, once it has died out. */
export function residuePercent(history: readonly RoundMetrics[]): number | null {
  const dead = history.find((m) => m.round > 0 && (m.infective[0] ?? 0) === 0 && m.inFlight === 0);
  if (!dead || dead.live === 0) return null;
  return (100 * (dead.live - (dead.informed[0] ?? 0))) / dead.live;
}

/** Live nodes holding the newest version after round `round`. */
export function informedAt(history: readonly RoundMetrics[], round: number): number | null {
  const m = history.find((h) => h.round === round);
  return m ? (m.informed[0] ?? 0) : null;
}

/** Share (%) of live nodes holding the newest version after round `round`. */
export function informedPercentAt(history: readonly RoundMetrics[], round: number): number | null {
  const m = history.find((h) => h.round === round);
  return m && m.live > 0 ? (100 * (m.informed[0] ?? 0)) / m.live : null;
}

/** Share (%) of live nodes holding the newest version in the first round recorded with a node down. */
export function informedPercentOnceDown(history: readonly RoundMetrics[], nodes: number): number | null {
  const m = history.find((h) => h.live < nodes);
  return m && m.live > 0 ? (100 * (m.informed[0] ?? 0)) / m.live : null;
}

/** The most messages one node sent from the start until every live node knew (the busiest node's load). */
export function busiestUntilAll(history: readonly RoundMetrics[]): number | null {
  const all = roundsToAll(history);
  if (all === null) return null;
  return history.find((m) => m.round === all)?.busiestSentTotal ?? null;
}

/** Per group of live nodes: the one version they all hold, or null when they differ (or a group is empty). */
function groupValues(p: TracePoint): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (let i = 0; i < p.alive.length; i++) {
    if (!p.alive[i]) continue;
    const g = p.group[i], v = p.versions[i];
    if (!out.has(g)) out.set(g, v);
    else if (out.get(g) !== v) out.set(g, null);
  }
  return out;
}

/** A partitioned network whose every group holds one version: the distinct versions they hold; null otherwise. */
function settledSides(p: TracePoint): Set<number> | null {
  const values = groupValues(p);
  if (values.size < 2) return null;
  const vs = [...values.values()];
  return vs.every((v) => v !== null && v !== 0) ? new Set(vs as number[]) : null;
}

/** Each group of a partitioned network holds one version, and at least two groups differ: their versions. */
export function splitValues(p: TracePoint): number[] | null {
  const sides = settledSides(p);
  return sides && sides.size >= 2 ? [...sides] : null;
}

/** A whole network (one group) where every live node holds the same version: that version. */
export function agreedValue(p: TracePoint): number | null {
  const values = groupValues(p);
  if (values.size !== 1) return null;
  const v = [...values.values()][0];
  return v === null || v === 0 ? null : v;
}

/**
 * Partitioned, each side uniform in the newest frame: how many different values the sides hold
 * (2 = each its own); null while the network is whole or a side has not settled.
 */
export function sideValueCount(run: RunRecord): number | null {
  const p = run.trace.at(-1);
  return p ? (settledSides(p)?.size ?? null) : null;
}

/**
 * After a partition and a heal, once everyone agrees: 1 when the value all hold is the newer of
 * the values the sides held while split, 0 when it is the older one; null before that.
 */
export function newerWins(run: RunRecord): number | null {
  let split: number[] | null = null;
  for (const p of run.trace) {
    const values = splitValues(p);
    if (values) split = values;
    const agreed = split && agreedValue(p);
    if (split && agreed) return agreed === Math.max(...split) ? 1 : 0;
  }
  return null;
}

/** Membership: rounds from the first crash until every live node has declared it dead. */
export function detectionRounds(run: RunRecord): number | null {
  const c = run.crashes?.[0];
  return c && c.allKnow >= 0 ? c.allKnow - c.crashedAt : null;
}
