import type { TopologyName } from '../engine/types';
import type { Positions } from './geometry';

/** World units between neighbouring nodes; the view transform scales it to the screen. */
export const SPACING = 10;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function emptyPositions(n: number): Positions {
  return { n, x: new Float32Array(n), y: new Float32Array(n) };
}

/** Sunflower (phyllotaxis) disc: even density, no overlaps, any n. Slot k of `order` goes to spot k. */
export function phyllotaxis(n: number, order?: ArrayLike<number>): Positions {
  const p = emptyPositions(n);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    const r = SPACING * Math.sqrt(k + 0.5);
    p.x[i] = r * Math.cos(k * GOLDEN_ANGLE);
    p.y[i] = r * Math.sin(k * GOLDEN_ANGLE);
  }
  return p;
}

/**
 * The sunflower with ids numbered by angle, clockwise from the top: the first half of the ids
 * lies on the right of the drawing and the second on the left, as on a circle (a model that
 * splits by id — membership's "Split in halves" — then cuts the picture down the middle).
 */
function angularPhyllotaxis(n: number): Positions {
  const angle = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Slot k of phyllotaxis(): angle k·golden from the x axis; from the top, clockwise (y down).
    const a = (k * GOLDEN_ANGLE + Math.PI / 2) % (2 * Math.PI);
    angle[k] = a;
  }
  const slots = Array.from({ length: n }, (_, k) => k).sort((p, q) => angle[p] - angle[q]);
  const order = new Uint32Array(n);
  slots.forEach((slot, rank) => (order[slot] = rank));
  return phyllotaxis(n, order);
}

/** A ring is drawn as a circle: node i at angle 2πi/n, neighbours one arc apart. */
export function circle(n: number): Positions {
  const p = emptyPositions(n);
  // 1.5 spacings of arc per node: neighbours stay apart, and the chords to farther neighbours show.
  const radius = Math.max(SPACING * 2, (n * SPACING * 1.5) / (2 * Math.PI));
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    p.x[i] = radius * Math.cos(a);
    p.y[i] = radius * Math.sin(a);
  }
  return p;
}

/** The engine's grid (topology.ts): ⌈√n⌉ columns, node i at column i mod cols, row ⌊i / cols⌋, `gap` apart. */
export function lattice(n: number, gap = SPACING * 2): Positions {
  const p = emptyPositions(n);
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  for (let i = 0; i < n; i++) {
    p.x[i] = (i % cols) * gap;
    p.y[i] = Math.floor(i / cols) * gap;
  }
  return p;
}

/**
 * Breadth-first order from `sources` (from node 0 when none), then from each node not reached
 * yet: laid on the sunflower in this order, each connected component fills one contiguous band
 * (the giant component in the middle, stragglers on the rim) instead of being interleaved with
 * the others, which the few ticks a large layout gets could not untangle. The density view
 * starts from the update's first holders, so the disc is ordered by hop distance from them.
 */
export function bfsOrder(n: number, offsets: Uint32Array, neighbors: Uint32Array, sources: readonly number[] = []): Uint32Array {
  const order = new Uint32Array(n);
  const seen = new Uint8Array(n);
  let head = 0, tail = 0;
  const reach = (v: number): void => {
    if (seen[v]) return;
    seen[v] = 1;
    order[tail++] = v;
  };
  for (const s of sources) if (s >= 0 && s < n) reach(s);
  // The sources' search runs first; then each node it did not reach starts one of its own.
  for (let s = 0; s <= n; s++) {
    while (head < tail) {
      const u = order[head++];
      for (let e = offsets[u]; e < offsets[u + 1]; e++) reach(neighbors[e]);
    }
    if (s < n) reach(s);
  }
  return order;
}

/** The starting layout of a graph; for ring and grid it is also the final one. */
export function initialLayout(topology: TopologyName, n: number, offsets: Uint32Array | null, neighbors: Uint32Array | null, idsByAngle = false): Positions {
  switch (topology) {
    case 'ring':
      return circle(n);
    case 'grid':
      return lattice(n);
    case 'complete':
      return idsByAngle ? angularPhyllotaxis(n) : phyllotaxis(n);
    case 'random':
      return offsets && neighbors ? phyllotaxis(n, bfsOrder(n, offsets, neighbors)) : phyllotaxis(n);
  }
}

/** Only random graphs have a shape worth finding by force; the others are drawn exactly. */
export function needsForceLayout(topology: TopologyName, offsets: Uint32Array | null): boolean {
  return topology === 'random' && offsets !== null;
}
