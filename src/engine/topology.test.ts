import { describe, expect, it } from 'vitest';
import { Rng } from './prng';
import { buildTopology, componentLabels, degreeOf, neighborAt, type Topology } from './topology';

const neighbours = (t: Topology, u: number): number[] =>
  Array.from({ length: degreeOf(t, u) }, (_, i) => neighborAt(t, u, i));

/** CSR well-formedness: monotone offsets, symmetric, no self loops, no duplicate edges. */
function expectWellFormed(t: Topology): void {
  const { offsets, neighbors } = t;
  expect(offsets).not.toBeNull();
  expect(offsets!.length).toBe(t.nodes + 1);
  expect(offsets![0]).toBe(0);
  expect(offsets![t.nodes]).toBe(2 * t.edges);
  expect(neighbors!.length).toBe(2 * t.edges);
  const edges = new Set<number>();
  for (let u = 0; u < t.nodes; u++) {
    expect(offsets![u + 1]).toBeGreaterThanOrEqual(offsets![u]);
    const ns = neighbours(t, u);
    expect(new Set(ns).size, `duplicate neighbour of ${u}`).toBe(ns.length);
    for (const v of ns) {
      expect(v, `self loop at ${u}`).not.toBe(u);
      expect(v).toBeLessThan(t.nodes);
      expect(neighbours(t, v), `edge ${u}-${v} not symmetric`).toContain(u);
      edges.add(Math.min(u, v) * t.nodes + Math.max(u, v));
    }
  }
  expect(edges.size).toBe(t.edges);
}

/** Components by union–find, independent of the engine's BFS. */
function unionFindComponents(t: Topology): { count: number; largest: number } {
  const parent = Int32Array.from({ length: t.nodes }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let u = 0; u < t.nodes; u++) for (const v of neighbours(t, u)) parent[find(u)] = find(v);
  const sizes = new Map<number, number>();
  for (let u = 0; u < t.nodes; u++) sizes.set(find(u), (sizes.get(find(u)) ?? 0) + 1);
  return { count: sizes.size, largest: Math.max(...sizes.values()) };
}

describe('complete graph', () => {
  it('is implicit and lists every other node exactly once', () => {
    const t = buildTopology('complete', 7, 6, new Rng(1));
    expect(t.offsets).toBeNull();
    expect(t.edges).toBe(21);
    expect(t.components).toBe(1);
    for (let u = 0; u < 7; u++) expect(neighbours(t, u).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].filter((v) => v !== u));
  });

  it('costs nothing at 10^7 nodes', () => {
    const t = buildTopology('complete', 10_000_000, 6, new Rng(1));
    expect(degreeOf(t, 5)).toBe(9_999_999);
    expect(neighborAt(t, 5, 5)).toBe(6);
    expect(neighborAt(t, 9_999_999, 9_999_998)).toBe(9_999_998);
  });
});

describe('ring', () => {
  it('links every node to its ⌊degree/2⌋ nearest on each side', () => {
    const n = 100;
    for (const [degree, expected] of [[6, 6], [5, 4], [2, 2], [1, 2]] as const) {
      const t = buildTopology('ring', n, degree, new Rng(1));
      expectWellFormed(t);
      const half = expected / 2;
      for (let u = 0; u < n; u++) {
        const want = [];
        for (let d = 1; d <= half; d++) want.push((u + d) % n, (u - d + n) % n);
        expect(neighbours(t, u).sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
      }
      expect(t.edges).toBe((n * expected) / 2);
      expect(t.components).toBe(1);
    }
  });

  it('never links a node twice or to itself when the ring is shorter than the degree', () => {
    for (const n of [2, 3, 4, 5, 6, 7]) {
      const t = buildTopology('ring', n, 10, new Rng(1));
      expectWellFormed(t);
      for (let u = 0; u < n; u++) expect(degreeOf(t, u)).toBe(Math.min(n - 1, 10));
    }
  });
});

describe('grid', () => {
  it('links left, right, up and down neighbours of a ⌈√n⌉-wide lattice', () => {
    for (const n of [2, 10, 12, 100, 101]) {
      const t = buildTopology('grid', n, 6, new Rng(1));
      expectWellFormed(t);
      const cols = Math.ceil(Math.sqrt(n));
      for (let u = 0; u < n; u++) {
        const [r, c] = [Math.floor(u / cols), u % cols];
        const want = [[r, c - 1], [r, c + 1], [r - 1, c], [r + 1, c]]
          .filter(([y, x]) => x >= 0 && x < cols && y >= 0 && y * cols + x < n)
          .map(([y, x]) => y * cols + x);
        expect(neighbours(t, u).sort((a, b) => a - b), `node ${u} of ${n}`).toEqual(want.sort((a, b) => a - b));
      }
      expect(t.components).toBe(1);
    }
  });

  it('has the interior degree 4, edges 2 and corners 2 on a full square', () => {
    const t = buildTopology('grid', 100, 6, new Rng(1));
    expect(degreeOf(t, 0)).toBe(2);
    expect(degreeOf(t, 5)).toBe(3);
    expect(degreeOf(t, 55)).toBe(4);
    expect(t.edges).toBe(2 * 10 * 9);
  });
});

describe('random graph (Erdős–Rényi)', () => {
  it('is well formed and its components agree with an independent union–find', () => {
    for (const [n, d, seed] of [[300, 2, 1], [500, 1, 2], [200, 6, 3]] as const) {
      const t = buildTopology('random', n, d, new Rng(seed));
      expectWellFormed(t);
      expect({ count: t.components, largest: t.largestComponent }).toEqual(unionFindComponents(t));
    }
  });

  it('has mean degree d within 4 standard errors (sd of 2m/n is √(2d/n))', () => {
    const n = 20_000;
    for (const [d, seed] of [[6, 1], [6, 2], [2, 3], [20, 4]] as const) {
      const t = buildTopology('random', n, d, new Rng(seed));
      const mean = (2 * t.edges) / n;
      expect(Math.abs(mean - d), `d = ${d}, seed ${seed}`).toBeLessThan(4 * Math.sqrt((2 * d) / n));
    }
  });

  it('has Poisson degrees: the isolated share is e^−d within sampling error', () => {
    const n = 20_000, d = 2;
    const t = buildTopology('random', n, d, new Rng(9));
    let isolated = 0;
    for (let u = 0; u < n; u++) if (degreeOf(t, u) === 0) isolated++;
    const p = Math.exp(-d);
    expect(Math.abs(isolated / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 0.002);
  });

  it('depends only on its own stream, and becomes the complete graph when d ≥ n − 1', () => {
    const a = buildTopology('random', 1000, 4, new Rng(5));
    const b = buildTopology('random', 1000, 4, new Rng(5));
    expect(b.neighbors).toEqual(a.neighbors);
    const c = buildTopology('random', 1000, 4, new Rng(6));
    expect(c.neighbors).not.toEqual(a.neighbors);
    const full = buildTopology('random', 12, 20, new Rng(1));
    expectWellFormed(full);
    expect(full.edges).toBe(66);
  });
});

describe('componentLabels', () => {
  it('labels each component with one id and reports the largest', () => {
    const t = buildTopology('random', 400, 1, new Rng(4));
    const { label, count, largest } = componentLabels(t);
    for (let u = 0; u < t.nodes; u++) for (const v of neighbours(t, u)) expect(label[v]).toBe(label[u]);
    expect(new Set(label).size).toBe(count);
    const sizes = new Map<number, number>();
    for (const l of label) sizes.set(l, (sizes.get(l) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(largest);
  });
});
