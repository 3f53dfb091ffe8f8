import { describe, expect, it } from 'vitest';
import { PeerSampler } from './peers';
import { Rng } from './prng';
import { buildTopology, degreeOf, neighborAt, type Topology } from './topology';

/** Upper critical value of chi-square with `df` degrees of freedom at p ≈ 1e-4 (Wilson–Hilferty). */
function chiSquareCritical(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 3.72 * Math.sqrt(a)) ** 3;
}

const neighbourSet = (t: Topology, u: number): Set<number> =>
  new Set(Array.from({ length: degreeOf(t, u) }, (_, i) => neighborAt(t, u, i)));

function sampleOnce(sampler: PeerSampler, node: number, fanout: number, rng: Rng): number[] {
  const m = sampler.sample(node, fanout, rng);
  return Array.from(sampler.picks.subarray(0, m));
}

describe('PeerSampler', () => {
  it('picks min(fanout, degree) distinct neighbours, never the node itself', () => {
    const rng = new Rng(1);
    const graphs = [
      buildTopology('complete', 30, 6, rng),
      buildTopology('ring', 30, 6, rng),
      buildTopology('grid', 30, 6, rng),
      buildTopology('random', 60, 5, rng),
    ];
    for (const t of graphs) {
      const sampler = new PeerSampler(t, 29);
      for (let fanout = 1; fanout <= 29; fanout++) {
        for (let node = 0; node < t.nodes; node += 7) {
          const picks = sampleOnce(sampler, node, fanout, rng);
          const ns = neighbourSet(t, node);
          expect(picks.length, `${t.name} fanout ${fanout}`).toBe(Math.min(fanout, ns.size));
          expect(new Set(picks).size).toBe(picks.length);
          for (const p of picks) {
            expect(p).not.toBe(node);
            expect(ns.has(p), `${p} is no neighbour of ${node} in ${t.name}`).toBe(true);
          }
        }
      }
    }
  });

  it('returns all neighbours when fanout ≥ degree, and none for an isolated node', () => {
    const rng = new Rng(2);
    const ring = buildTopology('ring', 50, 4, rng);
    const sampler = new PeerSampler(ring, 10);
    expect(sampleOnce(sampler, 10, 4, rng).sort((a, b) => a - b)).toEqual([8, 9, 11, 12]);
    expect(sampleOnce(sampler, 10, 10, rng).sort((a, b) => a - b)).toEqual([8, 9, 11, 12]);
    const sparse = buildTopology('random', 400, 1, rng);
    const lonely = Array.from({ length: 400 }, (_, i) => i).find((u) => degreeOf(sparse, u) === 0);
    expect(lonely).toBeDefined();
    expect(new PeerSampler(sparse, 3).sample(lonely!, 3, rng)).toBe(0);
  });

  it('picks every neighbour equally often (chi-square at p = 1e-4), on the scan and the stamp path', () => {
    const rng = new Rng(3);
    // fanout 3 scans the picks for repeats; fanout 12 (> 8) uses the stamp array.
    for (const [n, fanout] of [[21, 1], [21, 3], [41, 12]] as const) {
      const t = buildTopology('complete', n, 6, rng);
      const sampler = new PeerSampler(t, fanout);
      const node = 7;
      const counts = new Float64Array(n);
      const draws = 40_000;
      for (let i = 0; i < draws; i++) for (const p of sampleOnce(sampler, node, fanout, rng)) counts[p]++;
      expect(counts[node]).toBe(0);
      const expected = (draws * fanout) / (n - 1);
      let chi = 0;
      for (let v = 0; v < n; v++) if (v !== node) chi += (counts[v] - expected) ** 2 / expected;
      expect(chi, `n ${n}, fanout ${fanout}`).toBeLessThan(chiSquareCritical(n - 2));
    }
  });

  it('picks every pair equally often with fanout 2 (Floyd is uniform over subsets)', () => {
    const rng = new Rng(4);
    const t = buildTopology('complete', 8, 6, rng);
    const sampler = new PeerSampler(t, 2);
    const counts = new Map<string, number>();
    const draws = 42_000;
    for (let i = 0; i < draws; i++) {
      const key = sampleOnce(sampler, 0, 2, rng).sort().join('-');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(21); // C(7, 2)
    const expected = draws / 21;
    let chi = 0;
    for (const c of counts.values()) chi += (c - expected) ** 2 / expected;
    expect(chi).toBeLessThan(chiSquareCritical(20));
  });

  it('samples the implicit complete graph of 3·10^6 nodes without ever picking self', () => {
    const rng = new Rng(5);
    const n = 3_000_000;
    const t = buildTopology('complete', n, 6, rng);
    const sampler = new PeerSampler(t, 3);
    for (let i = 0; i < 5000; i++) {
      const node = rng.int(n);
      const picks = sampleOnce(sampler, node, 3, rng);
      expect(new Set(picks).size).toBe(3);
      for (const p of picks) expect(p !== node && p >= 0 && p < n).toBe(true);
    }
  });
});
