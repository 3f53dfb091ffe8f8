import { copyColumns, setColumns } from '../columns';
import type { Rng } from '../prng';
import { DetectionTracker } from './detection';
import { ALIVE, UNKNOWN } from './types';

/** What a snapshot copies whole. */
const SAVED = ['status', 'stamp', 'subjectCount', 'rowCount'] as const;
export type ViewTableState = Pick<ViewTable, (typeof SAVED)[number]>;

/**
 * What every node believes of every node: one status byte and one 16-bit round stamp per
 * (observer, subject) pair, flat and row-major (`observer·n + subject`), plus counts kept up to
 * date on every change so that "how many live nodes think 17 is dead" costs nothing.
 *
 * Stamps hold the round of the last status change (SWIM) or heartbeat advance (heartbeat)
 * modulo 2^16; `age` is exact as long as no timer that reads it runs past 65,535 rounds, which
 * the configuration limits guarantee (MAX_TIMER_ROUNDS).
 */
export class ViewTable {
  readonly status: Uint8Array;
  readonly stamp: Uint16Array;
  /** Per state, per subject: live observers (other than the subject) holding that state, at `[state·n + s]`. */
  readonly subjectCount: Uint32Array;
  /** Per state, per observer: subjects (other than itself) it holds in that state, at `[state·n + o]`. */
  readonly rowCount: Uint32Array;
  readonly tracker: DetectionTracker;
  round = 0;

  constructor(readonly n: number, readonly alive: Uint8Array) {
    this.status = new Uint8Array(n * n).fill(ALIVE);
    this.stamp = new Uint16Array(n * n);
    this.subjectCount = new Uint32Array(4 * n);
    this.rowCount = new Uint32Array(4 * n);
    this.subjectCount.fill(n - 1, ALIVE * n, ALIVE * n + n);
    this.rowCount.fill(n - 1, ALIVE * n, ALIVE * n + n);
    this.tracker = new DetectionTracker(n, alive, this.subjectCount);
  }

  /** Changes one belief; `firstHand` marks the observer's own detector (not gossip) as the cause. */
  set(o: number, s: number, st: number, firstHand = false): void {
    const n = this.n;
    const i = o * n + s;
    const old = this.status[i];
    if (old === st) return;
    this.status[i] = st;
    if (o === s) return;
    this.rowCount[old * n + o]--;
    this.rowCount[st * n + o]++;
    if (this.alive[o] === 1) {
      this.tracker.transition(s, st, firstHand);
      this.subjectCount[old * n + s]--;
      this.subjectCount[st * n + s]++;
    }
  }

  /** Rounds since the stamp of entry `i` was set. */
  age(i: number): number {
    return (this.round - this.stamp[i]) & 0xffff;
  }

  /** Stamps entry `i` with the current round. */
  touch(i: number): void {
    this.stamp[i] = this.round & 0xffff;
  }

  /** A crashed observer's beliefs stop counting. */
  dropObserver(o: number): void {
    this.addRow(o, -1);
  }

  /** A recovered observer's beliefs count again. */
  addObserver(o: number): void {
    this.addRow(o, 1);
  }

  private addRow(o: number, sign: number): void {
    const n = this.n;
    const base = o * n;
    for (let s = 0; s < n; s++) if (s !== o) this.subjectCount[this.status[base + s] * n + s] += sign;
  }

  /** Recomputes an observer's row counts after its row was rewritten wholesale (restart). */
  recountRow(o: number): void {
    const n = this.n;
    for (let st = 0; st < 4; st++) this.rowCount[st * n + o] = 0;
    const base = o * n;
    for (let s = 0; s < n; s++) if (s !== o) this.rowCount[this.status[base + s] * n + o]++;
  }

  /**
   * A uniformly random subject (not `o`) that `o` holds in state `st`, or -1 if there is none.
   * Rejection sampling when such subjects are common, an indexed scan of the row when rare.
   */
  pick(o: number, st: number, rng: Rng): number {
    const n = this.n;
    const count = this.rowCount[st * n + o];
    if (count === 0) return -1;
    const base = o * n;
    if (count * 8 >= n) {
      for (let tries = 0; tries < 64; tries++) {
        const s = rng.int(n);
        if (s !== o && this.status[base + s] === st) return s;
      }
    }
    let j = rng.int(count);
    for (let s = 0; s < n; s++) {
      if (s !== o && this.status[base + s] === st && j-- === 0) return s;
    }
    return -1;
  }

  /** Subjects `o` knows of (any state but unknown), itself included. */
  known(o: number): number {
    return this.n - this.rowCount[UNKNOWN * this.n + o];
  }

  save(): ViewTableState {
    return copyColumns(this, SAVED);
  }

  load(s: ViewTableState): void {
    setColumns(this, s, SAVED);
  }
}

