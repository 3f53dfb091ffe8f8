import { EXACT_BOUND } from '../prng';
import type { RoundNet } from '../round';

const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;
const INV_TWO_53 = 1 / 9007199254740992;
// A module-local copy: an imported binding is read through a getter in the CLI's CommonJS.
const EXACT = EXACT_BOUND;

/**
 * The fast round's hottest case on its own: the complete graph, fanout 1, one key, no
 * partition and no per-link loss (global loss and crashes are here). The draws and their
 * order are the general fast loop's (fast-round.ts), which are the generic path's; what is
 * gone is what this case never needs — the pick list of Floyd's algorithm, the neighbour
 * lists, the group lookups, the dead-receiver check while every node is alive, and a reply's
 * (the asker is alive: it just sent) —
 * and with it enough live variables that V8 keeps the loop's state in registers.
 * `mode`: 0 push, 1 pull, 2 push-pull. Writes the counters into `out` as fast-round.ts reads them.
 */
export function completeLoop(
  mode: number, n: number, allAlive: boolean, aliveBits: Int32Array, startKnows: Int32Array, startCurrent: Int32Array, current: Int32Array,
  knows: Int32Array, cur: Uint32Array, loss: number, st: Int32Array, net: RoundNet, out: Float64Array,
): Float64Array {
  let a = st[0], b = st[1], c = st[2], d = st[3];
  let sent = 0, traffic = 0, droppedDead = 0, droppedLoss = 0, redundant = 0, newlyInformed = 0, informed = 0;
  const bound = n - 1;
  const wide = bound > EXACT;
  const threshold = (TWO_32 - bound) % bound;
  const scale = bound * INV_TWO_32;
  const lossy = loss > 0 && loss < 1;
  const lossAll = loss >= 1;
  const plainPush = mode === 0 && allAlive && loss <= 0;
  const plainPull = mode === 1 && allAlive && loss <= 0;
  const plainPushPull = mode === 2 && allAlive && loss <= 0;
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
      // Rng.int(n − 1) (nothing to draw when the only peer is given), then "skip self" branch-free.
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
        hi = Math.floor(((t1 >>> 0) * 2097152 + (t2 >>> 11)) * INV_TWO_53 * bound);
      } else if (bound > 1) {
        // Lemire's hi = ⌊u·bound / 2^32⌋ is u·scale truncated (exact: u·bound < 2^53 and scale
        // is bound·2^−32), and his lo = u·bound mod 2^32 is Math.imul's low word: integer work
        // where Rng.int's Math.floor and float remainder cost more than the rest of the draw.
        for (;;) {
          d = (d + 1) | 0;
          const t = (((a + b) | 0) + d) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          hi = ((t >>> 0) * scale) | 0;
          if (Math.imul(t, bound) >>> 0 >= threshold) break;
        }
      }
      const target = hi + ((s - hi - 1) >>> 31);

      // The commonest messages, settled at once: late in a push run nearly every one is a
      // redundant delivery; in pull nearly every request is delivered and left unanswered
      // (the asker is current, or the peer knows nothing).
      if (plainPush && (current[target >>> 5] & (1 << (target & 31))) !== 0) {
        sent++;
        redundant++;
        continue;
      }
      if (plainPull && ((startCurrent[wd] & low) !== 0 || (startKnows[target >>> 5] & (1 << (target & 31))) === 0)) {
        sent++;
        continue;
      }
      // Push-pull, early in a run: neither side knows anything (an exchange and a reply carrying
      // nothing); late: both are current (two redundant deliveries).
      if (plainPushPull) {
        const targetKnew = (startKnows[target >>> 5] & (1 << (target & 31))) !== 0;
        if ((knew & low) === 0 && !targetKnew) {
          sent += 2;
          continue;
        }
        if ((knew & low) !== 0 && targetKnew && (current[target >>> 5] & (1 << (target & 31))) !== 0 && (current[wd] & low) !== 0) {
          sent += 2;
          traffic += 2;
          redundant += 2;
          continue;
        }
      }
      // Leg 0: push, pull request or exchange s → target; leg 1: the answer target → s.
      let from = s, to = target;
      let carries = mode === 0 || (mode === 2 && (knew & low) !== 0);
      for (let leg = 0; ; leg++) {
        sent++;
        if (carries && mode !== 0) traffic++;
        if (leg === 0 && !allAlive && (aliveBits[to >>> 5] & (1 << (to & 31))) === 0) { droppedDead++; break; }
        if (lossAll) { droppedLoss++; break; }
        if (lossy) {
          d = (d + 1) | 0;
          const t = (((a + b) | 0) + d) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          if ((t >>> 0) * INV_TWO_32 < loss) { droppedLoss++; break; }
        }
        if (carries) {
          const toBit = 1 << (to & 31);
          if ((current[to >>> 5] & toBit) !== 0) redundant++;
          else if ((startCurrent[from >>> 5] & (1 << (from & 31))) !== 0) {
            // The newest version: bits now, the version when the round ends (RoundNet.deferLatest).
            current[to >>> 5] |= toBit;
            if ((knows[to >>> 5] & toBit) === 0) {
              knows[to >>> 5] |= toBit;
              newlyInformed++;
            }
            informed++;
          } else if (!net.merge(from, to)) redundant++;
        }
        if (leg === 1 || mode === 0) break;
        if (mode === 1) {
          // Pull: answered only when the peer held something newer than the asker (one key).
          if ((startCurrent[wd] & low) !== 0 || (startKnows[target >>> 5] & (1 << (target & 31))) === 0) break;
          // A peer holding the newest version is newer than an asker that does not: only an
          // older peer needs its version read (a random access into megabytes).
          if ((startCurrent[target >>> 5] & (1 << (target & 31))) === 0 && cur[target] <= cur[s]) break;
          carries = true;
        } else carries = (startKnows[target >>> 5] & (1 << (target & 31))) !== 0;
        from = target;
        to = s;
      }
    }
  }

  st[0] = a; st[1] = b; st[2] = c; st[3] = d;
  const dropped = droppedDead + droppedLoss;
  out[0] = sent;
  out[1] = mode === 0 ? sent : traffic; // every push carries the update
  out[2] = sent - dropped;
  out[3] = 0;
  out[4] = droppedDead;
  out[5] = droppedLoss;
  out[6] = redundant;
  out[7] = newlyInformed;
  out[8] = informed;
  return out;
}
