/**
 * memberlist's TransmitLimitedQueue, one per node: the updates a node still has to piggyback,
 * each sent at most `limit` times, those sent fewest times first (newest first among equals).
 * A new update about a subject replaces the queued one (memberlist's named broadcasts), so a
 * node queues at most one entry per subject, and the entry always carries the node's current
 * belief about that subject.
 *
 * `tx[o·n + s]` is 0 when nothing about s is queued at o, else 1 + the times it was sent
 * (one byte per pair); `lists[o]` holds the queued subjects in queueing order, compacted lazily.
 */
export class BroadcastQueue {
  readonly tx: Uint8Array;
  lists: number[][];
  readonly size: Uint32Array;
  private readonly hist = new Uint32Array(256);
  private readonly seen: Uint32Array;
  private epoch = 0;

  constructor(readonly n: number, readonly limit: number) {
    this.tx = new Uint8Array(n * n);
    this.lists = Array.from({ length: n }, () => []);
    this.size = new Uint32Array(n);
    this.seen = new Uint32Array(n);
  }

  /** Queues (or re-queues, with its count reset) an update about `s` at `o`. */
  push(o: number, s: number): void {
    const i = o * this.n + s;
    if (this.tx[i] === 0) {
      this.lists[o].push(s);
      this.size[o]++;
    }
    this.tx[i] = 1;
  }

  /** Drops the update about `s` at `o` (the subject was forgotten). */
  drop(o: number, s: number): void {
    const i = o * this.n + s;
    if (this.tx[i] === 0) return;
    this.tx[i] = 0;
    this.size[o]--;
  }

  /** Empties o's queue (a restarted process starts with none). */
  clear(o: number): void {
    const base = o * this.n;
    for (const s of this.lists[o]) this.tx[base + s] = 0;
    this.lists[o] = [];
    this.size[o] = 0;
  }

  /**
   * Takes up to `budget` updates for one outgoing message into `out` and counts the transmit;
   * updates that reach the limit leave the queue. Returns how many were taken.
   */
  take(o: number, out: Uint16Array, budget: number): number {
    if (this.size[o] === 0 || budget <= 0) return 0;
    const base = o * this.n;
    const tx = this.tx;
    const list = this.compact(o);
    let threshold = 256; // take every entry with tx < threshold …
    let atThreshold = 0; // … and this many (newest first) with tx === threshold
    if (list.length > budget) {
      const hist = this.hist;
      hist.fill(0);
      for (const s of list) hist[tx[base + s]]++;
      let cum = 0;
      for (let t = 1; t < 256; t++) {
        if (cum + hist[t] >= budget) {
          threshold = t;
          atThreshold = budget - cum;
          break;
        }
        cum += hist[t];
      }
    }
    let m = 0;
    for (let k = list.length - 1; k >= 0 && m < budget; k--) {
      const s = list[k];
      const t = tx[base + s];
      if (t > threshold || (t === threshold && atThreshold-- <= 0)) continue;
      out[m++] = s;
    }
    let finished = 0;
    for (let k = 0; k < m; k++) {
      const i = base + out[k];
      if (tx[i] >= this.limit) {
        tx[i] = 0;
        finished++;
      } else tx[i]++;
    }
    this.size[o] -= finished;
    return m;
  }

  /**
   * Drops finished entries; a subject dropped and queued again before this ran appears twice,
   * and only its newest (last) position is kept.
   */
  private compact(o: number): number[] {
    const list = this.lists[o];
    if (list.length === this.size[o]) return list;
    const base = o * this.n;
    if (++this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const kept: number[] = [];
    for (let k = list.length - 1; k >= 0; k--) {
      const s = list[k];
      if (this.tx[base + s] === 0 || this.seen[s] === this.epoch) continue;
      this.seen[s] = this.epoch;
      kept.push(s);
    }
    kept.reverse();
    this.lists[o] = kept;
    return kept;
  }

  save(): BroadcastQueueState {
    return { tx: this.tx.slice(), lists: this.lists.map((l) => l.slice()), size: this.size.slice() };
  }

  load(s: BroadcastQueueState): void {
    this.tx.set(s.tx);
    this.lists = s.lists.map((l) => l.slice());
    this.size.set(s.size);
  }
}

export interface BroadcastQueueState {
  tx: Uint8Array;
  lists: number[][];
  size: Uint32Array;
}
