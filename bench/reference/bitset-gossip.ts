/**
 * The minimal reference the engine is measured against (issue 15): the least work a
 * synchronous gossip round on the complete graph can do in JavaScript. One bitset for "knew
 * before this round", one for "knows now", a seeded PRNG, no metrics, no faults, one key.
 *
 * The generator is sfc32 (the engine's), with its state in locals for the whole round, and a
 * target is a plain multiply-shift of one draw (no rejection, no 53-bit path): the ratio then
 * measures what the engine's bookkeeping costs, not a choice of generator. What each protocol
 * skips is what a run without metrics may skip: push draws only for nodes that knew; pull only
 * for nodes that did not (a node that knows learns nothing by asking); push-pull for everyone.
 */
export type ReferenceProtocol = 'push' | 'pull' | 'push-pull';

export class BitsetReference {
  readonly before: Int32Array;
  readonly now: Int32Array;
  private readonly st = new Int32Array(4);

  constructor(readonly nodes: number, readonly protocol: ReferenceProtocol, seed: number) {
    const words = (nodes + 31) >>> 5;
    this.before = new Int32Array(words);
    this.now = new Int32Array(words);
    this.now[0] = 1; // node 0 knows
    // splitmix32 spreads the seed into the sfc32 state, as the engine's Rng does.
    let s = seed >>> 0;
    for (let i = 0; i < 3; i++) {
      s = (s + 0x9e3779b9) | 0;
      let z = Math.imul(s ^ (s >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      this.st[i] = z ^ (z >>> 15);
    }
    this.st[3] = 1;
    // The engine's Rng discards its first 12 outputs; so does this (the state's first words are weak).
    const st = this.st;
    for (let i = 0; i < 12; i++) {
      const t = (((st[0] + st[1]) | 0) + (st[3] = (st[3] + 1) | 0)) | 0;
      st[0] = st[1] ^ (st[1] >>> 9);
      st[1] = (st[2] + (st[2] << 3)) | 0;
      st[2] = (((st[2] << 21) | (st[2] >>> 11)) + t) | 0;
    }
  }

  /** Every node knows (the steady state of a finished run). */
  informAll(): void {
    this.now.fill(-1);
  }

  informed(): number {
    let c = 0;
    const words = this.now.length;
    for (let i = 0; i < words; i++) {
      let x = this.now[i];
      if (i === words - 1 && (this.nodes & 31) !== 0) x &= (1 << (this.nodes & 31)) - 1;
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      c += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    return c;
  }

  step(): void {
    this.before.set(this.now);
    const p = this.protocol;
    referenceRound(p === 'push' ? 0 : p === 'pull' ? 1 : 2, this.nodes, this.before, this.now, this.st);
  }
}

/** One round; arrays as parameters so that V8 folds nothing of the first instance in. */
function referenceRound(mode: number, n: number, before: Int32Array, now: Int32Array, st: Int32Array): void {
  let a = st[0], b = st[1], c = st[2], d = st[3];
  const bound = n - 1;
  const scale = bound / 4294967296;
  const words = (n + 31) >>> 5;
  const lastMask = (n & 31) === 0 ? -1 : (1 << (n & 31)) - 1;
  for (let w = 0; w < words; w++) {
    const knew = before[w];
    let m = mode === 0 ? knew : mode === 1 ? ~knew : -1;
    if (w === words - 1) m &= lastMask;
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const s = (w << 5) | (31 - Math.clz32(low));
      d = (d + 1) | 0;
      const u = (((a + b) | 0) + d) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      const i = ((u >>> 0) * scale) | 0;
      const t = i + ((s - i - 1) >>> 31);
      if (mode === 0) now[t >>> 5] |= 1 << (t & 31);
      else {
        const tKnew = (before[t >>> 5] >>> (t & 31)) & 1;
        if (tKnew !== 0) now[w] |= low;
        if (mode === 2 && (knew & low) !== 0) now[t >>> 5] |= 1 << (t & 31);
      }
    }
  }
  st[0] = a; st[1] = b; st[2] = c; st[3] = d;
}
