/**
 * Reading who told whom (World.informer / learnedAt, per node and key) as a tree: the path an
 * update took to a node, every node's depth in the spread tree and how many nodes sit at each
 * depth. Pure functions over the typed arrays, so the worker, the page and the tests share them.
 */

/** One hop of a path: `from` told `to` in `round` (a write is the path's start, not a hop). */
export interface TraceHop {
  from: number;
  to: number;
  round: number;
}

/** The arrays a traced run keeps, as a frame carries them. */
export interface SpreadTrace {
  keys: number;
  /** informer[node·keys + key]: the sender of the held version, the node itself for its write, -1 for none. */
  informer: Int32Array;
  /** learnedAt[node·keys + key]: the round it arrived (the write's round for the writer), -1 for none. */
  learnedAt: Int32Array;
}

export interface TracePath {
  /** The writer the path starts at, or null when the node holds no version (or the chain is broken). */
  origin: number | null;
  /** The round the origin wrote (or -1). */
  writtenAt: number;
  /** Hops from the origin to the node, oldest first. */
  hops: TraceHop[];
}

/**
 * The path from the writer of `node`'s version of `key` to `node`, following informers back.
 * Each hop's round is earlier than the next one's. With several writes of one key a sender may
 * since hold a newer version than it passed on; the walk stops (origin null) when the rounds do
 * not go back in time, rather than mixing the histories of two versions.
 */
export function spreadPath(t: SpreadTrace, node: number, key = 0): TracePath {
  const K = t.keys;
  const hops: TraceHop[] = [];
  let at = node;
  const limit = t.informer.length / K;
  for (let steps = 0; steps <= limit; steps++) {
    const i = at * K + key;
    const from = t.informer[i], round = t.learnedAt[i];
    if (from < 0) return { origin: null, writtenAt: -1, hops: [] };
    if (from === at) {
      hops.reverse();
      return { origin: at, writtenAt: round, hops };
    }
    const prev = hops[hops.length - 1];
    if (prev && round >= prev.round) break;
    hops.push({ from, to: at, round });
    at = from;
  }
  hops.reverse();
  return { origin: null, writtenAt: -1, hops };
}

/**
 * Depth of every node in the spread tree of `key` (its writer at 0, a node told by it at 1, …),
 * -1 for a node that holds no version or whose chain does not lead back to a writer.
 */
export function spreadDepths(t: SpreadTrace, key = 0): Int32Array {
  const K = t.keys;
  const n = t.informer.length / K;
  const depth = new Int32Array(n).fill(-2); // -2: not computed yet
  const stack: number[] = [];
  for (let v = 0; v < n; v++) {
    let at = v;
    // Walk up until a node of known depth, a writer or a broken link; then unwind.
    while (depth[at] === -2) {
      const from = t.informer[at * K + key];
      if (from < 0) { depth[at] = -1; break; }
      if (from === at) { depth[at] = 0; break; }
      // A sender learned strictly earlier: anything else is a cycle or a newer version's history.
      if (t.learnedAt[from * K + key] >= t.learnedAt[at * K + key] || stack.length > n) { depth[at] = -1; break; }
      stack.push(at);
      at = from;
    }
    while (stack.length > 0) {
      const c = stack.pop()!;
      const parentDepth = depth[t.informer[c * K + key]];
      depth[c] = parentDepth < 0 ? -1 : parentDepth + 1;
    }
  }
  return depth;
}

/** How many nodes sit at each depth (index = depth), from `spreadDepths`. */
export function depthHistogram(depths: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < depths.length; i++) {
    const d = depths[i];
    if (d < 0) continue;
    while (out.length <= d) out.push(0);
    out[d]++;
  }
  return out;
}
