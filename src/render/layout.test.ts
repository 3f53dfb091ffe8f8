import { describe, expect, it } from 'vitest';
import { buildTopology } from '../engine/topology';
import { Rng } from '../engine/prng';
import { edgeList, labelPx, linkAlpha, nodeRadius, radiusCap, totalLinkLength } from './edges';
import { createForceLayout, layoutBudget } from './force-layout';
import { bfsOrder, circle, emptyPositions, initialLayout, lattice, phyllotaxis, SPACING } from './initial-layout';

function meanLinkLength(pos: { x: Float32Array; y: Float32Array }, offsets: Uint32Array, neighbors: Uint32Array): number {
  let sum = 0, c = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      sum += Math.hypot(pos.x[i] - pos.x[neighbors[e]], pos.y[i] - pos.y[neighbors[e]]);
      c++;
    }
  }
  return sum / c;
}

describe('initial layouts', () => {
  it('lays the grid on the engine lattice (⌈√n⌉ columns)', () => {
    const p = lattice(10);
    expect([p.x[3], p.y[3]]).toEqual([SPACING * 6, 0]);
    expect([p.x[4], p.y[4]]).toEqual([0, SPACING * 2]);
    expect([p.x[9], p.y[9]]).toEqual([SPACING * 2, SPACING * 4]);
  });
  it('puts ring neighbours one equal arc apart', () => {
    const p = circle(12);
    const d = (i: number, j: number) => Math.hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]);
    for (let i = 0; i < 12; i++) expect(d(i, (i + 1) % 12)).toBeCloseTo(d(0, 1), 3);
  });
  it('spreads the sunflower without overlaps', () => {
    const p = phyllotaxis(400);
    let min = Infinity;
    for (let i = 0; i < 400; i++) for (let j = i + 1; j < 400; j++) min = Math.min(min, Math.hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]));
    expect(min).toBeGreaterThan(SPACING * 0.8);
  });
  it('orders breadth-first: a permutation in which each component is contiguous', () => {
    const t = buildTopology('random', 600, 6, new Rng(3));
    expect(new Set(bfsOrder(600, t.offsets!, t.neighbors!)).size).toBe(600);
    // Two triangles {0, 2, 4} and {1, 3, 5}: interleaved by id, contiguous in BFS order.
    const offsets = Uint32Array.from([0, 2, 4, 6, 8, 10, 12]);
    const neighbors = Uint32Array.from([2, 4, 3, 5, 0, 4, 1, 5, 0, 2, 1, 3]);
    expect(Array.from(bfsOrder(6, offsets, neighbors))).toEqual([0, 2, 4, 1, 3, 5]);
    const p = initialLayout('random', 6, offsets, neighbors);
    const r = (i: number) => Math.hypot(p.x[i], p.y[i]);
    expect(Math.max(r(0), r(2), r(4))).toBeLessThan(Math.min(r(1), r(3), r(5)));
  });
});

describe('force layout', () => {
  const t = buildTopology('random', 200, 6, new Rng(7));
  const input = () => {
    const p = initialLayout('random', 200, t.offsets, t.neighbors);
    return { n: 200, offsets: t.offsets!, neighbors: t.neighbors!, x: p.x, y: p.y, seed: 11 };
  };
  it('is deterministic for a seed and stops after its tick budget', () => {
    const a = createForceLayout(input()), b = createForceLayout(input());
    while (a.tick(50));
    while (b.tick(50));
    expect(a.ticks).toBe(layoutBudget(200).maxTicks);
    expect(a.tick(10)).toBe(false);
    const pa = emptyPositions(200), pb = emptyPositions(200);
    a.read(pa);
    b.read(pb);
    expect(Array.from(pa.x)).toEqual(Array.from(pb.x));
    expect(pa.x.every(Number.isFinite)).toBe(true);
  });
  it('pulls neighbours closer than random pairs', () => {
    const l = createForceLayout(input());
    while (l.tick(100));
    const p = emptyPositions(200);
    l.read(p);
    let rnd = 0;
    for (let i = 0; i < 200; i++) rnd += Math.hypot(p.x[i] - p.x[(i * 7 + 13) % 200], p.y[i] - p.y[(i * 7 + 13) % 200]);
    expect(meanLinkLength(p, t.offsets!, t.neighbors!)).toBeLessThan(0.6 * (rnd / 200));
  });
  it('gives large graphs fewer ticks and a coarser θ', () => {
    expect(layoutBudget(10000).maxTicks).toBeLessThan(layoutBudget(500).maxTicks);
    expect(layoutBudget(10000).theta).toBeGreaterThan(layoutBudget(500).theta);
  });
});

describe('edge list', () => {
  it('lists each undirected link once, in a seeded order', () => {
    const t = buildTopology('ring', 10, 4, new Rng(1));
    const e = edgeList(10, t.offsets, t.neighbors, 5);
    expect(e.count).toBe(t.edges);
    const keys = new Set(Array.from({ length: e.count }, (_, k) => `${Math.min(e.a[k], e.b[k])}-${Math.max(e.a[k], e.b[k])}`));
    expect(keys.size).toBe(e.count);
    expect(Array.from(edgeList(10, t.offsets, t.neighbors, 5).a)).toEqual(Array.from(e.a));
    expect(edgeList(5, null, null, 1).count).toBe(0);
    const pos = circle(10);
    expect(totalLinkLength(e, pos.x, pos.y)).toBeCloseTo(10 * Math.hypot(pos.x[0] - pos.x[1], pos.y[0] - pos.y[1]) + 10 * Math.hypot(pos.x[0] - pos.x[2], pos.y[0] - pos.y[2]), 2);
  });
  it('fades links as the graph gets denser and brings them back when zoomed in', () => {
    // 6000 links of ~80 px in a 250-px disc versus 180 links of ~60 px over 600×300 px.
    const hairball = linkAlpha(6000 * 80, 250 * 250), sparse = linkAlpha(180 * 60, 600 * 300);
    expect(hairball).toBeLessThan(sparse / 4);
    expect(hairball).toBeGreaterThan(0);
    // Zooming in 4×: link length on screen ×4, area ×16.
    expect(linkAlpha(6000 * 80 * 4, 250 * 250 * 16)).toBeGreaterThan(hairball);
    expect(linkAlpha(0, 100)).toBe(0);
  });
  it('grows dots and labels with the canvas, keeping small panes as they were', () => {
    expect(radiusCap(600, 400)).toBe(11);
    expect(radiusCap(1800, 900)).toBe(22);
    // 60 nodes widely spaced on a projector: big dots with big ids; a dense zoomed-out graph stays small.
    expect(nodeRadius(10, 8, radiusCap(1800, 900))).toBe(22);
    expect(nodeRadius(10, 0.1, radiusCap(1800, 900))).toBe(1.4);
    expect(labelPx(22)).toBe(20);
    expect(labelPx(6)).toBe(11);
  });
});
