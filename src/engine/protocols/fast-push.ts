import { EXACT_BOUND } from '../prng';
import type { RoundNet } from '../round';
import type { RoundInput } from './protocol';
import type { SimConfig } from '../types';
import { MAX_GROUPS, type World } from '../world';

const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;

/**
 * Push with fanout 1 on the complete graph with one key — the workload of the 10^6-node
 * experiments — hand-inlined. It makes exactly the random draws, in exactly the order, of the
 * generic path (push.ts → PeerSampler → Rng.int, then RoundNet.send → Rng.chance), so a run is
 * bit-identical whichever path executes it (a test checks this); only the speed differs:
 * - the sfc32 state lives in locals for the whole round instead of a typed array per draw;
 * - "skip self" is branch-free (`t += (s − t − 1) >>> 31`): as a branch it is mispredicted
 *   about half the time, which cost more than the draw itself;
 * - most deliveries late in a run are redundant, and the `current` bitset (cache-resident)
 *   decides them without touching the version arrays.
 * Loss, crashes and partitions take the same path. Message recording and per-node counters,
 * which the page wants only for small graphs, delays and per-link loss take the generic path.
 */
export function fastPushEligible(config: SimConfig, world: World, recording: boolean): boolean {
  return config.fanout === 1 && config.topology === 'complete' && world.keys === 1 && !recording && !world.sentCount
    && config.delay.kind === 'fixed' && config.delay.rounds === 1 && !world.linkLossy;
}

export function fastPushRound({ world, net, rng }: RoundInput): void {
  const counts = pushLoop(world.nodes, world.alive, world.aliveBits, world.cur, world.current, world.group, world.blocked, world.partitioned, world.loss, rng.s, net);
  net.sent += counts[0];
  net.traffic += counts[0];
  net.delivered += counts[1];
  net.droppedPartition += counts[2];
  net.droppedDead += counts[3];
  net.droppedLoss += counts[4];
  net.redundant += counts[5];
}

const counts = new Float64Array(6);

/**
 * The loop itself takes every array as a parameter rather than reading it from the world:
 * V8 constant-folds the fields of the first World it sees, and when a second simulation
 * appears in the process (the next CLI trial, a page reset) that code is thrown away and
 * the field-reading version runs about 2× slower. With parameters every simulation gets the
 * same code and the same speed.
 */
function pushLoop(
  n: number, alive: Uint8Array, aliveBits: Int32Array, cur: Uint32Array, current: Int32Array,
  group: Uint8Array, blocked: Uint8Array, partitioned: boolean, loss: number, st: Int32Array, net: RoundNet,
): Float64Array {
  const lossy = loss > 0 && loss < 1;
  const lossAll = loss >= 1;
  const bound = n - 1;
  const threshold = (TWO_32 - bound) % bound;
  const wide = bound > EXACT_BOUND;
  let a = st[0], b = st[1], c = st[2], d = st[3];
  let sent = 0, delivered = 0, droppedPartition = 0, droppedDead = 0, droppedLoss = 0, redundant = 0;

  for (let s = 0; s < n; s++) {
    if (cur[s] === 0 || alive[s] === 0) continue;
    // Rng.int(bound), step for step: nothing to draw when the only peer is given; Lemire's
    // multiply-and-reject up to 2^21; above that a 53-bit float from two draws.
    let hi = 0;
    if (wide) {
      d = (d + 1) | 0;
      const t1 = (((a + b) | 0) + d) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t1) | 0;
      d = (d + 1) | 0;
      const t2 = (((a + b) | 0) + d) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t2) | 0;
      hi = Math.floor((((t1 >>> 0) * 2097152 + ((t2 >>> 0) >>> 11)) / 9007199254740992) * bound);
    } else if (bound > 1) {
      for (;;) {
        d = (d + 1) | 0;
        const t = (((a + b) | 0) + d) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        const x = (t >>> 0) * bound;
        hi = Math.floor(x * INV_TWO_32);
        if (x - hi * TWO_32 >= threshold) break;
      }
    }
    const to = hi + ((s - hi - 1) >>> 31);
    sent++;
    if (partitioned && blocked[group[s] * MAX_GROUPS + group[to]] !== 0) { droppedPartition++; continue; }
    if ((aliveBits[to >>> 5] & (1 << (to & 31))) === 0) { droppedDead++; continue; }
    if (lossAll) { droppedLoss++; continue; }
    if (lossy) {
      d = (d + 1) | 0;
      const t = (((a + b) | 0) + d) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      if ((t >>> 0) * INV_TWO_32 < loss) { droppedLoss++; continue; }
    }
    delivered++;
    if ((current[to >>> 5] & (1 << (to & 31))) !== 0 || !net.merge(s, to)) redundant++;
  }

  st[0] = a; st[1] = b; st[2] = c; st[3] = d;
  counts[0] = sent;
  counts[1] = delivered;
  counts[2] = droppedPartition;
  counts[3] = droppedDead;
  counts[4] = droppedLoss;
  counts[5] = redundant;
  return counts;
}
