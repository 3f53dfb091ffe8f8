import type { Rng } from '../prng';
import type { RoundNet } from '../round';
import type { SimConfig } from '../types';
import { MAX_GROUPS } from '../world';
import { completeLoop, plainPushLoop } from './fast-complete';
import type { RoundInput } from './protocol';

// Imported bindings are read through a getter in the CommonJS the CLI's loader produces: a
// module-local copy keeps that call out of the loop.
const GROUPS = MAX_GROUPS;

/** Which of the three protocols a fast round runs. */
export const FAST_PUSH = 0;
export const FAST_PULL = 1;
export const FAST_PUSH_PULL = 2;
export type FastMode = typeof FAST_PUSH | typeof FAST_PULL | typeof FAST_PUSH_PULL;

/**
 * Above this fanout the generic sampler keeps a stamp array instead of scanning its picks; the
 * fast round only scans, so larger fanouts (rare: 9 or more peers a round) take the generic path.
 */
const FAST_MAX_FANOUT = 8;

/**
 * Push, pull and push-pull in one loop written for speed: the workloads of the 10^6–10^7-node
 * experiments. It makes exactly the random draws, in exactly the order, of the generic path
 * (protocol → PeerSampler (Floyd) → Rng.int, then RoundNet.send → Rng.chance, then the reply),
 * so a run is bit-identical whichever path executes it (tests run both round for round); only
 * the speed differs:
 * - senders are found word by word in the `aliveBits` / `startKnows` bitsets (32 nodes per
 *   load, and whole words of silent nodes skipped), not by reading a byte per node;
 * - no message object, no receive hook, no per-message call into RoundNet: the fates, the
 *   answers and the counts are decided in the loop;
 * - most deliveries late in a run are redundant, and the cache-resident `current` bitset
 *   decides them without touching the version arrays; a receiver that learns the newest
 *   version gets its bits now and its version when the round ends (RoundNet.deferLatest);
 * - the complete graph with fanout 1 and one key has loops of its own (fast-complete.ts).
 * Every topology, any number of keys, loss (global and per link), crashes, partitions and the
 * per-node message counters of the page's inspector take this path. Message recording (the
 * page, for small graphs) and hand-picked peers (`generic`: the callers say), delays other than
 * one round, fanouts above FAST_MAX_FANOUT and rumor mongering take the generic one;
 * primary-backup never asks (its own round sends b messages).
 */
export function fastRoundEligible(config: SimConfig, generic: boolean): boolean {
  return !generic && config.fanout <= FAST_MAX_FANOUT
    && config.delay.kind === 'fixed' && config.delay.rounds === 1;
}

const picks = new Int32Array(FAST_MAX_FANOUT);
const counts = new Float64Array(9);

export function fastRound({ world: w, net, rng, peers, config }: RoundInput, mode: FastMode): void {
  const t = peers.topology;
  // Per-node counters (the page's inspector) are kept by the general loop only.
  const simple = t.offsets === null && config.fanout === 1 && w.keys === 1 && !w.partitioned && !w.linkLossy && !w.sentCount;
  const c = simple && mode === FAST_PUSH && w.loss <= 0 && w.liveCount === w.nodes && plainPushLoop(w.nodes, w.startKnows, w.startCurrent, w.current, w.knows, w.informer, rng.s, counts)
    ? counts
    : simple ? completeLoop(mode, w.nodes, w.liveCount === w.nodes, w.aliveBits, w.startKnows, w.startCurrent, w.current, w.knows, w.informer, w.cur, w.loss, rng, net, counts)
    : fastLoop(
    mode, w.nodes, w.keys, config.fanout, t.offsets, t.neighbors, w.aliveBits, w.startKnows, w.startCurrent, w.current,
    w.knows, w.informer, w.cur, w.group, w.blocked, w.partitioned, w.loss, w.linkLossy, w.linkLoss, w.sentCount, w.receivedCount, rng, net,
  );
  net.sent += c[0];
  net.traffic += c[1];
  net.delivered += c[2];
  net.droppedPartition += c[3];
  net.droppedDead += c[4];
  net.droppedLoss += c[5];
  net.redundant += c[6];
  if (c[8] > 0) {
    net.newlyInformed[0] += c[7];
    w.informed[0] += c[8];
    net.deferLatest();
  }
}

/**
 * The loop takes every array as a parameter rather than reading it from the world: V8
 * constant-folds the fields of the first World it sees, and when a second simulation appears
 * in the process (the next CLI trial, a page reset) that code is thrown away and the
 * field-reading version ran about 2× slower.
 */
function fastLoop(
  mode: FastMode, n: number, K: number, fanout: number, offsets: Uint32Array | null, neighbors: Uint32Array | null,
  aliveBits: Int32Array, startKnows: Int32Array, startCurrent: Int32Array, current: Int32Array, knows: Int32Array,
  informer: Int32Array | null, cur: Uint32Array, group: Uint8Array, blocked: Uint8Array, partitioned: boolean, loss: number, linkLossy: boolean, linkLoss: Float32Array,
  sentCount: Uint32Array | null, receivedCount: Uint32Array | null, rng: Rng, net: RoundNet,
): Float64Array {
  let sent = 0, traffic = 0, delivered = 0, droppedPartition = 0, droppedDead = 0, droppedLoss = 0, redundant = 0;
  let newlyInformed = 0, informed = 0;
  const words = (n + 31) >>> 5;
  // aliveBits is created all ones: the bits past the last node must not count as senders.
  const lastMask = (n & 31) === 0 ? -1 : (1 << (n & 31)) - 1;

  for (let wd = 0; wd < words; wd++) {
    let m = mode === FAST_PUSH ? startKnows[wd] & aliveBits[wd] : aliveBits[wd];
    if (wd === words - 1) m &= lastMask;
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const s = (wd << 5) | (31 - Math.clz32(low));
      let base = 0, degree = n - 1;
      if (offsets !== null) {
        base = offsets[s];
        degree = offsets[s + 1] - base;
      }
      if (degree === 0) continue;

      // PeerSampler.sample, step for step: every neighbour when fanout ≥ degree (no draw),
      // else Robert Floyd's algorithm: for j = degree−fanout … degree−1 take r = int(j + 1),
      // or j when r is taken already.
      let picked = 0;
      if (fanout >= degree) {
        for (; picked < degree; picked++) picks[picked] = picked;
      } else {
        for (let j = degree - fanout; j < degree; j++) {
          let r = rng.int(j + 1);
          for (let q = 0; q < picked; q++) if (picks[q] === r) { r = j; break; }
          picks[picked++] = r;
        }
      }

      for (let q = 0; q < picked; q++) {
        const i = picks[q];
        const target = offsets !== null ? neighbors![base + i] : i + ((s - i - 1) >>> 31);
        // Leg 0: the push, pull request or exchange s → target; leg 1: the answer target → s.
        let from = s, to = target;
        for (let leg = 0; ; leg++) {
          const carries = mode === FAST_PUSH || (mode === FAST_PULL ? leg === 1 : (startKnows[from >>> 5] & (1 << (from & 31))) !== 0);
          sent++;
          if (sentCount !== null) sentCount[from]++;
          if (carries) traffic++;
          // RoundNet.send: partition, then dead receiver, then loss.
          // The group bytes are read only under a partition or link loss: at 10^6 nodes group[to]
          // is a cache miss that would cost as much as the rest of the message.
          const link = partitioned || linkLossy ? group[from] * GROUPS + group[to] : 0;
          if (partitioned && blocked[link] !== 0) { droppedPartition++; break; }
          if ((aliveBits[to >>> 5] & (1 << (to & 31))) === 0) { droppedDead++; break; }
          if (rng.chance(linkLossy ? 1 - (1 - loss) * (1 - linkLoss[link]) : loss)) { droppedLoss++; break; }
          delivered++;
          if (receivedCount !== null) receivedCount[to]++;
          if (carries) {
            const toBit = 1 << (to & 31);
            if ((current[to >>> 5] & toBit) !== 0) redundant++;
            else if (K === 1 && (startCurrent[from >>> 5] & (1 << (from & 31))) !== 0) {
              // The sender holds the newest version and the receiver does not: it learns it.
              // Only the bits change now; its version is written when the round ends, in node
              // order (RoundNet.deferLatest), not by a random access into megabytes per message.
              current[to >>> 5] |= toBit;
              // Traced: the sender now, the round in RoundNet's deferred pass (writeLatest).
              if (informer !== null) informer[to] = from;
              if ((knows[to >>> 5] & toBit) === 0) {
                knows[to >>> 5] |= toBit;
                newlyInformed++;
              }
              informed++;
            } else if (!net.merge(from, to)) redundant++;
          }
          if (leg === 1 || mode === FAST_PUSH) break;
          // Pull: the peer answers only when it holds something newer than the asker's digest
          // (World.hasNewerThan, with the bitsets first). Push-pull: it always answers.
          if (mode === FAST_PULL) {
            if ((startCurrent[s >>> 5] & (1 << (s & 31))) !== 0) break;
            if ((startKnows[target >>> 5] & (1 << (target & 31))) === 0) break;
            // A current peer is newer than a non-current asker; an older one needs its versions read.
            let newer = (startCurrent[target >>> 5] & (1 << (target & 31))) !== 0;
            for (let k = 0; k < K && !newer; k++) if (cur[target * K + k] > cur[s * K + k]) newer = true;
            if (!newer) break;
          }
          from = target;
          to = s;
        }
      }
    }
  }

  counts[0] = sent;
  counts[1] = traffic;
  counts[2] = delivered;
  counts[3] = droppedPartition;
  counts[4] = droppedDead;
  counts[5] = droppedLoss;
  counts[6] = redundant;
  counts[7] = newlyInformed;
  counts[8] = informed;
  return counts;
}
