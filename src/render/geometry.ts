import { polygonArea, polygonHull } from 'd3';

/** Node positions, struct-of-arrays. */
export interface Positions {
  n: number;
  x: Float32Array;
  y: Float32Array;
}

/**
 * Which side of the infinite line through a and b each node lies on (sign of the cross
 * product). Nodes exactly on the line go to the first side. Returns null when the line is
 * degenerate or leaves one side empty: a cut that separates nothing is no cut.
 */
export function splitByLine(pos: Positions, ax: number, ay: number, bx: number, by: number): [number[], number[]] | null {
  const dx = bx - ax, dy = by - ay;
  if (dx === 0 && dy === 0) return null;
  const left: number[] = [], right: number[] = [];
  for (let i = 0; i < pos.n; i++) {
    const cross = dx * (pos.y[i] - ay) - dy * (pos.x[i] - ax);
    (cross >= 0 ? left : right).push(i);
  }
  return left.length && right.length ? [left, right] : null;
}

/**
 * The layout cut at its vertical midline: nodes sorted by x (ties by id), the first half to
 * the left. A median, not the bounding box's centre, so both sides get nodes whatever the shape.
 */
export function medianSplit(pos: Positions): [number[], number[]] {
  const ids = Array.from({ length: pos.n }, (_, i) => i);
  ids.sort((a, b) => pos.x[a] - pos.x[b] || a - b);
  const half = Math.ceil(pos.n / 2);
  const left = ids.slice(0, half).sort((a, b) => a - b);
  const right = ids.slice(half).sort((a, b) => a - b);
  return [left, right];
}

/**
 * Splits nodes into k groups of (nearly) equal size by angle around the layout's centroid,
 * like cutting a pie: sweeping clockwise on screen from straight down, so two groups are the
 * left and the right half and the first group is the left one. Ties go by node id, so the
 * result is deterministic for a given layout.
 */
export function angularSectors(pos: Positions, k: number): number[][] {
  const n = pos.n;
  const groups = Math.max(1, Math.min(Math.floor(k), n));
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos.x[i];
    cy += pos.y[i];
  }
  cx /= n || 1;
  cy /= n || 1;
  const turn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Screen y points down, so atan2 grows clockwise; 0 = straight down.
    const a = Math.atan2(pos.y[i] - cy, pos.x[i] - cx) - Math.PI / 2;
    turn[i] = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  }
  const ids = Array.from({ length: n }, (_, i) => i).sort((a, b) => turn[a] - turn[b] || a - b);
  const out: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.round((g * n) / groups), to = Math.round(((g + 1) * n) / groups);
    out.push(ids.slice(from, to).sort((a, b) => a - b));
  }
  return out;
}

/** Even–odd point-in-polygon test (the lasso and the region fill agree on it). */
export function pointInPolygon(px: number, py: number, xs: ArrayLike<number>, ys: ArrayLike<number>): boolean {
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    if (ys[i] > py !== ys[j] > py && px < xs[i] + ((py - ys[i]) / (ys[j] - ys[i])) * (xs[j] - xs[i])) inside = !inside;
  }
  return inside;
}

/**
 * The convex hull of the given nodes, pushed `pad` outward from its centroid so the region
 * encloses the node discs. One or two nodes get a small diamond around each.
 */
export function paddedHull(pos: Positions, ids: ArrayLike<number>, pad: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let k = 0; k < ids.length; k++) pts.push([pos.x[ids[k]], pos.y[ids[k]]]);
  const hull = pts.length >= 3 ? polygonHull(pts) : null;
  if (!hull || Math.abs(polygonArea(hull)) < pad * pad) {
    // Too few or collinear nodes: a diamond around each keeps the region visible.
    const diamonds: [number, number][] = [];
    for (const [x, y] of pts) diamonds.push([x - pad, y], [x + pad, y], [x, y - pad], [x, y + pad]);
    return polygonHull(diamonds) ?? [];
  }
  let cx = 0, cy = 0;
  for (const [x, y] of hull) {
    cx += x;
    cy += y;
  }
  cx /= hull.length;
  cy /= hull.length;
  return hull.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * pad, y + ((y - cy) / d) * pad] as [number, number];
  });
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundsOf(pos: Positions): Bounds {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < pos.n; i++) {
    const x = pos.x[i], y = pos.y[i];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (pos.n === 0) return { minX: -1, minY: -1, maxX: 1, maxY: 1 };
  return { minX, minY, maxX, maxY };
}
