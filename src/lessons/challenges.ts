import type { SimConfig } from '../engine/types';
import { agreedValue, messagesPerNode, roundsToAll, splitValues } from './measures';
import type { ChallengeId, ChallengeVerdict, RunRecord } from './types';

/**
 * The challenges, checked by the engine: each a pure function of what the run did (its
 * metrics, frames and graph) and the configuration it ran with. A wrong answer gets a hint
 * (an i18n key in the `lessons` namespace, `challenge.<id>.<hint>`, and its numbers).
 */

const fail = (id: ChallengeId, hint: string, values: Record<string, number> = {}): ChallengeVerdict =>
  ({ ok: false, key: `challenge.${id}.${hint}`, values });
const pass = (id: ChallengeId, values: Record<string, number>): ChallengeVerdict =>
  ({ ok: true, key: `challenge.${id}.passed`, values });

const FAST_AND_CHEAP = { nodes: 1000, rounds: 10, messagesPerNode: 15 } as const;

/** Inform all 1000 nodes in at most 10 rounds with at most 15 messages per node. */
export function checkFastAndCheap(run: RunRecord): ChallengeVerdict {
  const id = 'fast-and-cheap';
  const { nodes, rounds, messagesPerNode: budget } = FAST_AND_CHEAP;
  if (run.nodes !== nodes) return fail(id, 'nodes', { nodes: run.nodes, wanted: nodes });
  const last = run.history.at(-1);
  if (last && last.live < nodes) return fail(id, 'crashed', { live: last.live });
  const all = roundsToAll(run.history);
  const lastRound = last?.round ?? 0;
  if (all === null) return lastRound > rounds ? fail(id, 'slow', { rounds: lastRound, limit: rounds }) : fail(id, 'unfinished', { limit: rounds });
  if (all > rounds) return fail(id, 'slow', { rounds: all, limit: rounds });
  const messages = messagesPerNode(run.history, nodes)!;
  if (messages > budget) return fail(id, 'costly', { messages: round1(messages), limit: budget, rounds: all });
  return pass(id, { rounds: all, messages: round1(messages) });
}

const STOP_ON_RING = { maxCrashes: 2 } as const;

/**
 * Stop a rumor on a ring by crashing as few nodes as possible (at most two; never the node
 * that wrote it): the rumor's fate is read off the graph — every live node a path of live
 * nodes joins to an informed live node will hear it — so the check holds at any round.
 * Stopped means at least half the live nodes can never hear it.
 */
export function checkStopOnRing(run: RunRecord, config: SimConfig): ChallengeVerdict {
  const id = 'stop-on-ring';
  const p = run.trace.at(-1);
  if (!p || !run.adjacency) return fail(id, 'unfinished');
  const crashed: number[] = [];
  for (let i = 0; i < p.alive.length; i++) if (!p.alive[i]) crashed.push(i);
  if (config.origin >= 0 && !p.alive[config.origin]) return fail(id, 'origin', { origin: config.origin });
  if (crashed.length === 0) return fail(id, 'none');
  const reach = reachableFromInformed(p.versions, p.alive, run.adjacency);
  const live = p.alive.reduce((a, b) => a + b, 0);
  const never = live - reach;
  if (never * 2 < live) return fail(id, 'around', { reached: reach, live, crashes: crashed.length });
  if (crashed.length > STOP_ON_RING.maxCrashes) return fail(id, 'many', { crashes: crashed.length, limit: STOP_ON_RING.maxCrashes });
  return pass(id, { crashes: crashed.length, never, live });
}

/** Live nodes that hold the version or are joined to one that does by a path of live nodes. */
function reachableFromInformed(versions: Uint32Array, alive: Uint8Array, adj: { offsets: Uint32Array; neighbors: Uint32Array }): number {
  const seen = new Uint8Array(alive.length);
  const queue: number[] = [];
  for (let i = 0; i < alive.length; i++) {
    if (alive[i] && versions[i] !== 0) {
      seen[i] = 1;
      queue.push(i);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) {
      const v = adj.neighbors[e];
      if (alive[v] && !seen[v]) {
        seen[v] = 1;
        queue.push(v);
      }
    }
  }
  return queue.length;
}

/**
 * Partition the cluster so the two sides end with different values, then heal it so the
 * newer value wins everywhere: some frame shows a split network whose sides each agree on a
 * different value, and a later frame shows the whole network agreeing on the newest of them.
 */
export function checkSplitThenHeal(run: RunRecord): ChallengeVerdict {
  const id = 'split-then-heal';
  let split: number[] | null = null;
  let splitRound = -1;
  let everSplit = false;
  let healedAfter = false;
  for (const p of run.trace) {
    if (new Set(p.group).size > 1) everSplit = true;
    const values = splitValues(p);
    if (values) {
      split = values;
      splitRound = p.round;
      healedAfter = false;
      continue;
    }
    if (!split) continue;
    const whole = new Set(p.group).size === 1;
    if (whole) healedAfter = true;
    const agreed = whole ? agreedValue(p) : null;
    if (agreed !== null) {
      return agreed === Math.max(...split)
        ? pass(id, { split: splitRound, healed: p.round })
        : fail(id, 'older', { round: p.round });
    }
  }
  if (!everSplit) return fail(id, 'whole');
  if (!split) return fail(id, 'same');
  if (!healedAfter) return fail(id, 'heal', { split: splitRound });
  return fail(id, 'converging');
}

export function checkChallenge(id: ChallengeId, run: RunRecord, config: SimConfig): ChallengeVerdict {
  switch (id) {
    case 'fast-and-cheap': return checkFastAndCheap(run);
    case 'stop-on-ring': return checkStopOnRing(run, config);
    case 'split-then-heal': return checkSplitThenHeal(run);
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
