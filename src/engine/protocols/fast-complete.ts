import { EXACT_BOUND, type Rng } from '../prng';
import type { RoundNet } from '../round';

const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;
// A module-local copy: an imported binding is read through a getter in the CLI's CommonJS.
const EXACT = EXACT_BOUND;

/**
 * The fast round on the complete graph with fanout 1 and one key, no partition and no per-link
 * loss: the 10^6–10^7-node workloads. Same draws, same order as the general fast loop
 * (fast-round.ts), hence as the generic path. Two loops:
 * - plainPushLoop: push with every node alive, no loss and every sender holding the newest
 *   version (one write spreading) — the one loop with the sfc32 steps inlined, state in locals;
 * - completeLoop: everything else (pull, push-pull, crashes, loss, a second write), drawing
 *   through the Rng. Its common messages are settled in the loop; the rest (learners, drops,
 *   answers) go to legs(), out of line: in the loop they kept too many values live for the
 *   registers and slowed every message.
 * Both write their counters into `out` in fast-round.ts's order.
 */

/** Returns false, having drawn and changed nothing, when a sender holds an older version. */
export function plainPushLoop(
  n: number, startKnows: Int32Array, startCurrent: Int32Array, current: Int32Array, knows: Int32Array, informer: Int32Array | null,
  st: Int32Array, out: Float64Array,
): boolean {
  const bound = n - 1;
  if (bound > EXACT || bound < 2) return false;
  const words = (n + 31) >>> 5;
  for (let wd = 0; wd < words; wd++) if ((startKnows[wd] & ~startCurrent[wd]) !== 0) return false;
  const threshold = (TWO_32 - bound) % bound;
  const scale = bound * INV_TWO_32;
  let a = st[0], b = st[1], c = st[2], d = st[3];
  let sent = 0, redundant = 0, newlyInformed = 0, informed = 0;
  for (let wd = 0; wd < words; wd++) {
    let m = startKnows[wd];
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const s = (wd << 5) | (31 - Math.clz32(low));
      // Rng.int(n − 1) step for step, with the state in locals (measured: 10–15 % of this
      // loop's time against reading and writing Rng.s per draw).
      let hi: number;
      for (;;) {
        d = (d + 1) | 0;
        const t = (((a + b) | 0) + d) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        hi = ((t >>> 0) * scale) | 0;
        if (Math.imul(t, bound) >>> 0 >= threshold) break;
      }
      // "Skip self" branch-free: as a branch it mispredicts half the time.
      const to = hi + ((s - hi - 1) >>> 31);
      sent++;
      if ((current[to >>> 5] & (1 << (to & 31))) !== 0) redundant++;
      else {
        informed++;
        if (informer !== null) informer[to] = s;
        newlyInformed += learn(current, knows, to);
      }
    }
  }
  st[0] = a; st[1] = b; st[2] = c; st[3] = d;
  out.fill(0);
  out[0] = out[1] = out[2] = sent;
  out[6] = redundant;
  out[7] = newlyInformed;
  out[8] = informed;
  return true;
}

/**
 * `to` learns the newest version from a sender that holds it: the bits now, the version when
 * the round ends (RoundNet.deferLatest). Returns 1 when it knew nothing before (newlyInformed).
 */
function learn(current: Int32Array, knows: Int32Array, to: number): number {
  const bit = 1 << (to & 31);
  current[to >>> 5] |= bit;
  if ((knows[to >>> 5] & bit) !== 0) return 0;
  knows[to >>> 5] |= bit;
  return 1;
}

/** `mode`: 0 push, 1 pull, 2 push-pull. */
export function completeLoop(
  mode: number, n: number, allAlive: boolean, aliveBits: Int32Array, startKnows: Int32Array, startCurrent: Int32Array,
  current: Int32Array, knows: Int32Array, informer: Int32Array | null, cur: Uint32Array, loss: number, rng: Rng, net: RoundNet, out: Float64Array,
): Float64Array {
  out.fill(0);
  let sent = 0, traffic = 0, redundant = 0;
  // Without loss every message to a live node is delivered: the commonest are settled here.
  const plain = allAlive && loss <= 0;
  const bound = n - 1;
  const words = (n + 31) >>> 5;
  const lastMask = (n & 31) === 0 ? -1 : (1 << (n & 31)) - 1;
  for (let wd = 0; wd < words; wd++) {
    const knew = startKnows[wd];
    let m = mode === 0 ? knew & aliveBits[wd] : aliveBits[wd];
    if (wd === words - 1) m &= lastMask;
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const s = (wd << 5) | (31 - Math.clz32(low));
      // PeerSampler.sample with fanout 1: nothing to draw when the only peer is given.
      const i = bound > 1 ? rng.int(bound) : 0;
      const target = i + ((s - i - 1) >>> 31);
      const targetBit = 1 << (target & 31);
      if (plain && mode === 1 && ((startCurrent[wd] & low) !== 0 || (startKnows[target >>> 5] & targetBit) === 0)) {
        // A pull request left unanswered: the asker is current, or the peer knows nothing.
        sent++;
        continue;
      }
      if (plain && mode === 2) {
        const targetKnew = (startKnows[target >>> 5] & targetBit) !== 0;
        if ((knew & low) === 0 && !targetKnew) {
          // Early in a run: an exchange and a reply that carry nothing.
          sent += 2;
          continue;
        }
        if ((knew & low) !== 0 && targetKnew && (current[target >>> 5] & targetBit) !== 0 && (current[wd] & low) !== 0) {
          // Late in a run: both current, two redundant deliveries.
          sent += 2;
          traffic += 2;
          redundant += 2;
          continue;
        }
      }
      legs(mode, s, target, allAlive, aliveBits, startKnows, startCurrent, current, knows, informer, cur, loss, rng, net, out);
    }
  }
  out[0] += sent;
  out[1] = mode === 0 ? out[0] : out[1] + traffic; // every push carries the update
  out[2] = out[0] - out[4] - out[5];
  out[6] += redundant;
  return out;
}

/**
 * One message s → target and, for pull and push-pull, its answer, with every check of
 * RoundNet.send: dead receiver, then loss (a draw). Counts into `t` (sent, traffic, dropped
 * dead and by loss, redundant, newly informed, informed; delivered is derived at the end).
 */
function legs(
  mode: number, s: number, target: number, allAlive: boolean, aliveBits: Int32Array, startKnows: Int32Array, startCurrent: Int32Array,
  current: Int32Array, knows: Int32Array, informer: Int32Array | null, cur: Uint32Array, loss: number, rng: Rng, net: RoundNet, t: Float64Array,
): void {
  let from = s, to = target;
  let carries = mode === 0 || (mode === 2 && (startKnows[s >>> 5] & (1 << (s & 31))) !== 0);
  for (let leg = 0; ; leg++) {
    t[0]++;
    if (carries) t[1]++;
    // A reply goes back to the asker, alive: it just sent.
    if (leg === 0 && !allAlive && (aliveBits[to >>> 5] & (1 << (to & 31))) === 0) { t[4]++; return; }
    if (rng.chance(loss)) { t[5]++; return; }
    if (carries) {
      if ((current[to >>> 5] & (1 << (to & 31))) !== 0) t[6]++;
      else if ((startCurrent[from >>> 5] & (1 << (from & 31))) !== 0) {
        t[8]++;
        if (informer !== null) informer[to] = from;
        t[7] += learn(current, knows, to);
      } else if (!net.merge(from, to)) t[6]++;
    }
    if (leg === 1 || mode === 0) return;
    if (mode === 1) {
      // Pull: answered only when the peer held something newer than the asker (one key). A
      // current peer is newer than a non-current asker; only an older peer needs its version
      // read (a random access into megabytes).
      if ((startCurrent[s >>> 5] & (1 << (s & 31))) !== 0 || (startKnows[target >>> 5] & (1 << (target & 31))) === 0) return;
      if ((startCurrent[target >>> 5] & (1 << (target & 31))) === 0 && cur[target] <= cur[s]) return;
      carries = true;
    } else carries = (startKnows[target >>> 5] & (1 << (target & 31))) !== 0;
    from = target;
    to = s;
  }
}
