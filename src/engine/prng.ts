/**
 * The one source of randomness of the engine: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic
 * generator), seeded from a uint32 through splitmix32. It passes PractRand to 2^40+ bytes, needs
 * only 32-bit integer ops (fast in JS), and its whole state is four uint32s, so a snapshot of a
 * run can store and restore it exactly.
 *
 * @example
 *   const rng = new Rng(42);
 *   rng.int(6);      // 0..5, unbiased
 *   rng.float();     // [0, 1)
 */
export type RngState = readonly [number, number, number, number];

const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;
/** Below this bound `u * bound` is an exact double, so Lemire's method runs in float arithmetic. */
export const EXACT_BOUND = 2 ** 21;

export class Rng {
  /**
   * The four state words live in an Int32Array, not in fields: int32 values outside V8's
   * 31-bit small-integer range would be boxed as heap numbers in fields, several times slower.
   * Public for one reason: the hottest loop (push on the complete graph) copies the words into
   * locals, runs the same sfc32 steps inline and writes them back (protocols/fast-complete.ts).
   */
  readonly s = new Int32Array(4);

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads nearby seeds (1, 2, 3…) into unrelated sfc32 states.
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.s[0] = next();
    this.s[1] = next();
    this.s[2] = next();
    this.s[3] = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform uint32. */
  u32(): number {
    const s = this.s;
    const a = s[0], b = s[1], c = s[2];
    const d = (s[3] + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    s[3] = d;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.u32() * INV_TWO_32;
  }

  /** True with probability p (never for p ≤ 0, always for p ≥ 1, and then draws nothing). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.u32() * INV_TWO_32 < p;
  }

  /**
   * A uniform integer in [0, bound), bound ≥ 1. Exactly unbiased up to 2^21 (Lemire's
   * multiply-and-reject); above that a 53-bit float is scaled, whose bias (< bound / 2^53,
   * under 1e-9 at 10^7) is far below anything a simulation can observe.
   */
  int(bound: number): number {
    if (bound <= EXACT_BOUND) {
      // u·bound < 2^53 is exact: hi = ⌊u·bound / 2^32⌋ is the result (a float product, truncated),
      // lo = u·bound mod 2^32 (Math.imul's low word) decides whether this u fell into the short,
      // biased last stripe (rejected). Integer work: Math.floor and a float remainder cost the
      // 10^6-node loops more than the rest of a draw.
      for (;;) {
        const u = this.u32();
        const lo = Math.imul(u, bound) >>> 0;
        if (lo >= bound || lo >= (TWO_32 - bound) % bound) return (u * bound * INV_TWO_32) | 0;
      }
    }
    const f = (this.u32() * 2097152 + (this.u32() >>> 11)) / 9007199254740992;
    return Math.floor(f * bound);
  }

  getState(): RngState {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }

  setState(s: RngState): void {
    this.s.set(s);
  }
}

/** Derives the seed of trial `index` of a batch: trial 0 runs with the seed itself. */
export function trialSeed(seed: number, index: number): number {
  return (seed + index) >>> 0;
}
