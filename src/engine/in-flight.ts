import { doubleColumns } from './columns';

/**
 * Messages on their way (delay > 1 round), bucketed by the round they arrive in. Each keeps a
 * copy of what it carries — the sender's versions when it was sent — because the sender may
 * learn more before the message lands. Buckets are growable struct-of-arrays, reused round
 * after round, so a long lossy run allocates nothing in steady state.
 */
class Bucket {
  count = 0;
  from = new Uint32Array(64);
  to = new Uint32Array(64);
  kind = new Uint8Array(64);
  mask = new Uint8Array(64);
  payload = new Uint8Array(64);
  sentRound = new Uint32Array(64);
  versions: Uint32Array;

  constructor(readonly keys: number) {
    this.versions = new Uint32Array(64 * keys);
  }

  push(from: number, to: number, kind: number, mask: number, payload: boolean, sentRound: number, src: Uint32Array, off: number): void {
    // Every column grows together: `versions` holds `keys` entries per message.
    if (this.count === this.from.length) doubleColumns(this);
    const i = this.count++;
    this.from[i] = from;
    this.to[i] = to;
    this.kind[i] = kind;
    this.mask[i] = mask;
    this.payload[i] = payload ? 1 : 0;
    this.sentRound[i] = sentRound;
    this.versions.set(src.subarray(off, off + this.keys), i * this.keys);
  }
}

export interface InFlightSnapshot {
  rounds: number[];
  buckets: { from: Uint32Array; to: Uint32Array; kind: Uint8Array; mask: Uint8Array; payload: Uint8Array; sentRound: Uint32Array; versions: Uint32Array }[];
}

export class InFlight {
  private readonly buckets = new Map<number, Bucket>();
  private spare: Bucket[] = [];
  size = 0;

  constructor(private readonly keys: number) {}

  add(arrival: number, from: number, to: number, kind: number, mask: number, payload: boolean, sentRound: number, src: Uint32Array, off: number): void {
    let b = this.buckets.get(arrival);
    if (!b) {
      b = this.spare.pop() ?? new Bucket(this.keys);
      b.count = 0;
      this.buckets.set(arrival, b);
    }
    b.push(from, to, kind, mask, payload, sentRound, src, off);
    this.size++;
  }

  /** Removes and returns the messages arriving in `round` (hand the bucket back with `release`). */
  take(round: number): Bucket | null {
    const b = this.buckets.get(round);
    if (!b) return null;
    this.buckets.delete(round);
    this.size -= b.count;
    return b;
  }

  release(b: Bucket): void {
    if (this.spare.length < 4) this.spare.push(b);
  }

  /**
   * Does some message on its way pass `test`? `versions[off + k]` is what it carries of key k.
   * For the stop rules (rare calls), not for the hot path.
   */
  some(test: (from: number, to: number, kind: number, payload: boolean, versions: Uint32Array, off: number) => boolean): boolean {
    for (const b of this.buckets.values()) {
      for (let i = 0; i < b.count; i++) if (test(b.from[i], b.to[i], b.kind[i], b.payload[i] === 1, b.versions, i * this.keys)) return true;
    }
    return false;
  }

  snapshot(): InFlightSnapshot {
    const rounds = [...this.buckets.keys()].sort((a, b) => a - b);
    return {
      rounds,
      buckets: rounds.map((r) => {
        const b = this.buckets.get(r)!;
        const n = b.count;
        return {
          from: b.from.slice(0, n), to: b.to.slice(0, n), kind: b.kind.slice(0, n), mask: b.mask.slice(0, n),
          payload: b.payload.slice(0, n), sentRound: b.sentRound.slice(0, n), versions: b.versions.slice(0, n * this.keys),
        };
      }),
    };
  }

  restore(s: InFlightSnapshot): void {
    this.buckets.clear();
    this.size = 0;
    s.rounds.forEach((r, j) => {
      const src = s.buckets[j];
      for (let i = 0; i < src.from.length; i++) {
        this.add(r, src.from[i], src.to[i], src.kind[i], src.mask[i], src.payload[i] === 1, src.sentRound[i], src.versions, i * this.keys);
      }
    });
  }
}

