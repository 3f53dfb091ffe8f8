import { describe, expect, it } from 'vitest';
import { DENSITY_THRESHOLD } from '../engine/limits';
import { Rng } from '../engine/prng';
import { buildTopology } from '../engine/topology';
import { rendererKind } from './adaptive-renderer';
import { packHex } from './colors';
import { LearningOrder, densityGroups, densityLayout, nodeX, nodeY } from './density-layout';
import { DensityScratch, DensityState, rasterDensity, stateOf, type DensityInput, type DensityPalette } from './density-raster';
import { createBuffer, StampCache } from './pixel-buffer';
import { SPACING, bfsOrder, lattice } from './initial-layout';

const palette: DensityPalette = {
  background: packHex('#FFFFFF'),
  state: ['#B8B8B8', '#E69F00', '#0072B2', '#009E73', '#1A1A1A'].map(packHex),
  boundary: packHex('#0F172A'),
  selected: packHex('#CC79A7'),
  link: packHex('#94A3B8'),
  groups: [packHex('#CC79A7'), packHex('#F0E442')],
};

describe('density layouts', () => {
  it('swap renderers at the threshold', () => {
    expect(rendererKind(DENSITY_THRESHOLD)).toBe('graph');
    expect(rendererKind(DENSITY_THRESHOLD + 1)).toBe('density');
  });

  it('place the grid as the engine links it: ⌈√n⌉ columns, row by row', () => {
    const n = 10;
    const { x, y } = lattice(n, SPACING);
    const t = buildTopology('grid', n, 4, new Rng(1));
    // Every link of the engine's grid joins spots one spacing apart.
    for (let u = 0; u < n; u++) {
      for (let e = t.offsets![u]; e < t.offsets![u + 1]; e++) {
        const v = t.neighbors![e];
        expect(Math.hypot(x[u] - x[v], y[u] - y[v])).toBeCloseTo(SPACING);
      }
    }
  });

  it('order a random graph breadth-first from the update, unreachable last', () => {
    // A path 0–1–2–3 and an isolated node 4; the update starts at 2.
    const offsets = Uint32Array.from([0, 1, 3, 5, 6, 6]);
    const neighbors = Uint32Array.from([1, 0, 2, 1, 3, 2]);
    expect(Array.from(bfsOrder(5, offsets, neighbors, [2]))).toEqual([2, 1, 3, 0, 4]);
    const l = densityLayout(5, 'random', offsets, neighbors, [2]);
    // Spot 0 is the disc's centre: node 2 sits nearest to it, node 4 farthest.
    const r = (i: number) => Math.hypot(nodeX(l, i), nodeY(l, i));
    expect(r(2)).toBeLessThan(r(1));
    expect(r(1)).toBeLessThan(r(3));
    expect(r(3)).toBeLessThan(r(0));
    expect(r(0)).toBeLessThan(r(4));
  });

  it('order a complete graph by when nodes learned the newest version, and start again at a newer one', () => {
    const l = densityLayout(6, 'complete', null, null, []);
    const order = new LearningOrder(6);
    const holds = (set: number[]) => Uint8Array.from({ length: 6 }, (_, i) => (set.includes(i) ? 2 : 0));
    expect(order.follow(l, 1, holds([4]))).toBe(true);
    expect(order.follow(l, 1, holds([4, 1, 5]))).toBe(true);
    expect(order.follow(l, 1, holds([4, 1, 5]))).toBe(false);
    // Learned first → first spot; the same round's learners by id, each swapping with the node
    // in its spot (node 0 moved twice: to node 1's old spot, then to node 5's); the rest stay put.
    expect(Array.from(l.spotOf)).toEqual([5, 1, 3, 4, 0, 2]);
    for (let s = 0; s < 6; s++) expect(l.spotOf[l.nodeAt[s]]).toBe(s);
    order.follow(l, 2, holds([0]));
    expect(l.spotOf[0]).toBe(0);
    expect(Array.from(order.rank)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('order a random graph by learning too, the nodes still lacking it breadth-first', () => {
    const offsets = Uint32Array.from([0, 1, 3, 5, 6, 6]);
    const neighbors = Uint32Array.from([1, 0, 2, 1, 3, 2]);
    const l = densityLayout(5, 'random', offsets, neighbors, [2]);
    const order = new LearningOrder(5, l.nodeAt.slice());
    // Node 0 (three hops out) learned first, then 2: they take spots 0 and 1; the rest keep the hop order 1, 3, 4.
    order.follow(l, 1, Uint8Array.from([2, 0, 0, 0, 0]));
    order.follow(l, 1, Uint8Array.from([2, 0, 2, 0, 0]));
    expect(Array.from(l.spotOf)).toEqual([0, 2, 1, 3, 4]);
    expect(Array.from(l.nodeAt)).toEqual([0, 2, 1, 3, 4]);
  });

  it('partitioned, give each group a slice of the disc with its own wave from the centre', () => {
    const n = 2000;
    const l = densityLayout(n, 'complete', null, null, []);
    const order = new LearningOrder(n);
    const group = Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 2));
    const dense = Uint8Array.from({ length: n }, (_, i) => (i < 400 ? 2 : 0));
    expect(order.follow(l, 1, dense, group)).toBe(true);
    // Group 1 (odd ids) on the left half, group 2 on the right; in each, the informed nearer the centre.
    const r = (i: number) => Math.hypot(nodeX(l, i), nodeY(l, i));
    for (let i = 0; i < n; i++) expect(nodeX(l, i) <= 1e-3, `node ${i}`).toBe(group[i] === 1);
    const maxInformed = Math.max(...Array.from({ length: 400 }, (_, i) => r(i)));
    const minLacking = Math.min(...Array.from({ length: n - 400 }, (_, i) => r(400 + i)));
    expect(maxInformed).toBeLessThan(minLacking * 1.05);
    expect(new Set(l.spotOf).size).toBe(n);
    for (let s = 0; s < n; s++) expect(l.spotOf[l.nodeAt[s]]).toBe(s);
    // Healed: one disc again.
    expect(order.follow(l, 1, dense, null)).toBe(true);
    expect(Math.max(...Array.from({ length: 400 }, (_, i) => l.spotOf[i]))).toBe(399);
  });

  it('cut the drawing into halves by x and into k equal slices, every node once', () => {
    const n = 1001;
    const l = densityLayout(n, 'complete', null, null, []);
    const [a, b] = densityGroups(l, 2);
    expect(a.length + b.length).toBe(n);
    expect(Math.max(...a.map((i) => nodeX(l, i)))).toBeLessThanOrEqual(Math.min(...b.map((i) => nodeX(l, i))));
    const three = densityGroups(l, 3);
    expect(three.map((g) => g.length)).toEqual([334, 333, 334]);
    expect(new Set(three.flat()).size).toBe(n);
  });
});

describe('density raster', () => {
  const topo = (n: number) => buildTopology('ring', n, 2, new Rng(1));

  it('mixes the colours of the nodes in a pixel, and a crash shows through', () => {
    const n = 4;
    const l = densityLayout(n, 'complete', null, null, []);
    const dense = Uint8Array.from([2, 2, 0, 0]), alive = new Uint8Array(n).fill(1);
    const buf = createBuffer(4, 4);
    // Squeeze everything into one pixel: a tiny scale centred on pixel (1, 1).
    const input: DensityInput = { layout: l, dense, alive, prev: null, group: null, transform: { k: 1e-6, x: 1.5, y: 1.5 }, dpr: 1, selected: null, offsets: null, neighbors: null };
    const out = rasterDensity(buf, input, palette, new DensityScratch(), new StampCache());
    expect(out).toEqual({ mode: 'pixels', visible: 4 });
    const px = buf.data[1 * 4 + 1];
    // Half blue (0,114,178), half grey (184,184,184).
    expect([px & 255, (px >>> 8) & 255, (px >>> 16) & 255]).toEqual([92, 149, 181]);
    expect(buf.data[0]).toBe(palette.background);
    alive[0] = 0;
    rasterDensity(buf, input, palette, new DensityScratch(), new StampCache());
    const crashed = buf.data[5];
    expect(crashed & 255).toBeLessThan(92); // darker: the crash weighs 6 against 3 live nodes
  });

  it('draws a line between the regions of two groups', () => {
    const n = 2000;
    const t = topo(n);
    const l = densityLayout(n, 'ring', t.offsets, t.neighbors, []);
    const group = new Uint8Array(n);
    for (let i = 0; i < n / 2; i++) group[i] = 1;
    const buf = createBuffer(120, 120);
    const b = l.bounds, k = 100 / (b.maxX - b.minX);
    const input: DensityInput = { layout: l, dense: new Uint8Array(n), alive: new Uint8Array(n).fill(1), prev: null, group, transform: { k, x: 60 - ((b.minX + b.maxX) / 2) * k, y: 60 - ((b.minY + b.maxY) / 2) * k }, dpr: 1, selected: null, offsets: null, neighbors: null };
    rasterDensity(buf, input, palette, new DensityScratch(), new StampCache());
    expect(buf.data.filter((c) => c === palette.boundary).length).toBeGreaterThan(0);
    rasterDensity(buf, { ...input, group: null }, palette, new DensityScratch(), new StampCache());
    expect(buf.data.filter((c) => c === palette.boundary).length).toBe(0);
  });

  it('zoomed in, draws single nodes as discs with their links', () => {
    const n = 50;
    const t = topo(n);
    const l = densityLayout(n, 'ring', t.offsets, t.neighbors, []);
    const buf = createBuffer(400, 400);
    const b = l.bounds, k = 380 / (b.maxX - b.minX);
    const out = rasterDensity(buf, {
      layout: l, dense: new Uint8Array(n).fill(2), alive: new Uint8Array(n).fill(1), prev: null, group: null, transform: { k, x: 200 - ((b.minX + b.maxX) / 2) * k, y: 200 - ((b.minY + b.maxY) / 2) * k }, dpr: 1, selected: 3, offsets: t.offsets, neighbors: t.neighbors,
    }, palette, new DensityScratch(), new StampCache());
    expect(out).toEqual({ mode: 'nodes', visible: n });
    const count = (c: number) => buf.data.filter((p) => p === c).length;
    expect(count(palette.state[DensityState.Newest])).toBeGreaterThan(n * 5);
    expect(count(palette.selected)).toBeGreaterThan(10);
  });

  it('marks the wave\'s front: newest now and not one round earlier', () => {
    const dense = Uint8Array.from([2, 2, 1, 0, 2]);
    const prev = Uint8Array.from([2, 0, 1, 0, 2]);
    const alive = Uint8Array.from([1, 1, 1, 1, 0]);
    const base = { layout: densityLayout(5, 'ring', null, null, []), dense, alive, group: null, transform: { k: 1, x: 0, y: 0 }, dpr: 1, selected: null, offsets: null, neighbors: null };
    expect([0, 1, 2, 3, 4].map((i) => stateOf({ ...base, prev }, i))).toEqual([2, 3, 1, 0, 4]);
    expect([0, 1, 2, 3, 4].map((i) => stateOf({ ...base, prev: null }, i))).toEqual([2, 2, 1, 0, 4]);
    expect(DensityState.Fresh).toBe(3);
  });
});
