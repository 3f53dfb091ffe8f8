import type { Simulation } from '../engine/simulation';
import type { RoundMetrics } from '../engine/types';
import { MAX_GROUPS, type World } from '../engine/world';
import { DENSE_NEWEST, DENSE_OLDER, DENSE_RUMOR_SHIFT } from './protocol';
import type { InFlightBatch, LinkState } from '../view/frame-source';

/** In-flight messages shown at most (more is noise on screen and a big frame to copy). */
export const MAX_IN_FLIGHT_SHOWN = 20_000;

/** The messages still on their way, oldest arrival first; null when there are none. */
export function inFlightOf(sim: Simulation): InFlightBatch | null {
  if (sim.inFlight === 0) return null;
  const { inFlight } = sim.snapshot();
  const total = Math.min(MAX_IN_FLIGHT_SHOWN, inFlight.buckets.reduce((n, b) => n + b.from.length, 0));
  const out: InFlightBatch = {
    count: total,
    from: new Uint32Array(total),
    to: new Uint32Array(total),
    kind: new Uint8Array(total),
    sentRound: new Uint32Array(total),
    deliverRound: new Uint32Array(total),
  };
  let c = 0;
  inFlight.buckets.forEach((b, j) => {
    for (let i = 0; i < b.from.length && c < total; i++, c++) {
      out.from[c] = b.from[i];
      out.to[c] = b.to[i];
      out.kind[c] = b.kind[i];
      out.sentRound[c] = b.sentRound[i];
      out.deliverRound[c] = inFlight.rounds[j];
    }
  });
  return out;
}

/** Both directions between every pair of groups that has nodes, or null when there are no groups. */
export function linksOf(w: World): LinkState[] | null {
  // Flags, not a Set: this runs for every frame, 10^6 nodes in the density view.
  const used = new Uint8Array(MAX_GROUPS);
  let count = 0;
  for (let i = 0; i < w.nodes; i++) {
    const g = w.group[i];
    if (used[g] === 0) {
      used[g] = 1;
      count++;
    }
  }
  if (count < 2 && !w.linkLossy) return null;
  const groups: number[] = [];
  for (let g = 0; g < MAX_GROUPS; g++) if (used[g]) groups.push(g);
  const out: LinkState[] = [];
  for (const a of groups) {
    for (const b of groups) {
      if (a === b) continue;
      const at = a * MAX_GROUPS + b;
      out.push({ from: a, to: b, blocked: w.blocked[at] === 1, loss: Math.round(w.linkLoss[at] * 1e6) / 1e6 });
    }
  }
  return out;
}

export function emptyMetrics(round: number, keys: number): RoundMetrics {
  const perKey = (): number[] => new Array<number>(keys).fill(0);
  return {
    round, live: 0, sent: 0, delivered: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0,
    redundant: 0, traffic: 0, informed: perKey(), newlyInformed: perKey(),
    inFlight: 0, infective: perKey(), removed: perKey(), crashes: 0, recoveries: 0,
    busiestSent: null, busiestSentTotal: null,
  };
}

/**
 * The first `count` entries of every column in fresh buffers (the engines reuse their own next
 * round), for either model's batch. Columns are found by type, so a column an engine adds
 * travels without a change here.
 */
export function copyBatch<B extends { count: number }>(b: B): B {
  const n = b.count;
  const out: Record<string, unknown> = { count: n };
  for (const [name, column] of Object.entries(b as object)) {
    if (column instanceof Uint32Array || column instanceof Uint8Array) out[name] = column.slice(0, n);
  }
  return out as unknown as B;
}

/**
 * A compact frame's byte per node for one key (DENSE_* in protocol.ts): the version held, and
 * the rumor status. One pass over the versions; `out` is a fresh array (it is transferred).
 */
export function denseStates(w: World, key: number, rumor: Uint8Array | null): Uint8Array {
  const n = w.nodes, K = w.keys, k = Math.min(Math.max(0, key), K - 1);
  const latest = w.latest[k], cur = w.cur;
  const out = new Uint8Array(n);
  for (let i = 0, at = k; i < n; i++, at += K) {
    const v = cur[at];
    let b = v === 0 ? 0 : v === latest ? DENSE_NEWEST : DENSE_OLDER;
    if (rumor) b |= (rumor[at] + 1) << DENSE_RUMOR_SHIFT;
    out[i] = b;
  }
  return out;
}
