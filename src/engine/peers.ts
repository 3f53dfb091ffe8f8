import type { HandPicks } from './hand-picks';
import type { Rng } from './prng';
import { degreeOf, neighborAt, type Topology } from './topology';

/** Above this fanout, membership tests use a stamp array instead of scanning the picks. */
const SCAN_LIMIT = 8;

/**
 * Picks `fanout` distinct neighbours of a node, uniformly at random and never the node itself
 * (all neighbours when fanout ≥ degree). Robert Floyd's algorithm draws exactly `fanout`
 * random numbers whatever the degree, so a node of the complete graph on 10^7 nodes costs
 * the same as one on a ring.
 */
export class PeerSampler {
  /** The picks of the last call; valid until the next call. */
  readonly picks: Uint32Array;
  private stamps: Uint32Array | null = null;
  private stamp = 0;
  /** Peers chosen by hand for this round (a hand-played round): used instead of drawing. */
  hand: HandPicks | null = null;

  constructor(readonly topology: Topology, maxFanout: number) {
    this.picks = new Uint32Array(Math.max(1, Math.min(maxFanout, Math.max(1, topology.nodes - 1))));
  }

  /** True while some node's peers of this round were chosen by hand (the fast loops never look). */
  get handPlayed(): boolean {
    return this.hand !== null && this.hand.size > 0;
  }

  /** Fills `picks` and returns how many were chosen. */
  sample(node: number, fanout: number, rng: Rng): number {
    if (this.hand !== null && this.hand.size > 0) {
      // A hand-picked node draws nothing: the rest of the round's draws stay the PRNG's.
      const chosen = this.hand.get(node);
      if (chosen !== undefined) {
        const m = Math.min(chosen.length, this.picks.length);
        for (let i = 0; i < m; i++) this.picks[i] = chosen[i];
        return m;
      }
    }
    const t = this.topology;
    const degree = degreeOf(t, node);
    if (degree === 0 || fanout <= 0) return 0;
    const picks = this.picks;
    if (fanout >= degree) {
      for (let i = 0; i < degree; i++) picks[i] = neighborAt(t, node, i);
      return degree;
    }
    if (fanout === 1) {
      const i = rng.int(degree);
      // On the complete graph "skip self" is branch-free: as a branch it mispredicts half the time.
      picks[0] = t.offsets ? t.neighbors![t.offsets[node] + i] : i + ((node - i - 1) >>> 31);
      return 1;
    }
    // Floyd: for j = degree−fanout … degree−1 take r ∈ [0, j]; if r is taken already take j.
    if (fanout <= SCAN_LIMIT) {
      let m = 0;
      for (let j = degree - fanout; j < degree; j++) {
        const r = rng.int(j + 1);
        let taken = false;
        for (let q = 0; q < m; q++) if (picks[q] === r) { taken = true; break; }
        picks[m++] = taken ? j : r;
      }
      for (let q = 0; q < m; q++) picks[q] = neighborAt(t, node, picks[q]);
      return m;
    }
    const stamps = this.stampsFor(degree);
    const s = ++this.stamp;
    let m = 0;
    for (let j = degree - fanout; j < degree; j++) {
      const r = rng.int(j + 1);
      const pick = stamps[r] === s ? j : r;
      stamps[pick] = s;
      picks[m++] = pick;
    }
    for (let q = 0; q < m; q++) picks[q] = neighborAt(t, node, picks[q]);
    return m;
  }

  private stampsFor(degree: number): Uint32Array {
    if (!this.stamps || this.stamps.length < degree || this.stamp >= 0xfffffffe) {
      this.stamps = new Uint32Array(Math.max(degree, this.stamps?.length ?? 0));
      this.stamp = 0;
    }
    return this.stamps;
  }
}
