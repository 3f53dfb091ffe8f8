import { Rng } from '../engine/prng';
import type { EdgeList } from './scene';

/**
 * Undirected links of a CSR graph (each stored once, i < j), in a seeded shuffled order: the
 * link layer draws them progressively, and a shuffled prefix is an even sample of the picture.
 */
export function edgeList(n: number, offsets: Uint32Array | null, neighbors: Uint32Array | null, seed: number): EdgeList {
  if (!offsets || !neighbors) return { count: 0, a: new Uint32Array(0), b: new Uint32Array(0) };
  let count = 0;
  for (let i = 0; i < n; i++) for (let e = offsets[i]; e < offsets[i + 1]; e++) if (neighbors[e] > i) count++;
  const a = new Uint32Array(count), b = new Uint32Array(count);
  let c = 0;
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      if (neighbors[e] > i) {
        a[c] = i;
        b[c] = neighbors[e];
        c++;
      }
    }
  }
  const rng = new Rng(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const ta = a[i], tb = b[i];
    a[i] = a[j];
    b[i] = b[j];
    a[j] = ta;
    b[j] = tb;
  }
  return { count, a, b };
}

/** Total length of the links in world units (for the density-based link opacity). */
export function totalLinkLength(edges: EdgeList, x: Float32Array, y: Float32Array): number {
  let sum = 0;
  for (let e = 0; e < edges.count; e++) sum += Math.hypot(x[edges.a[e]] - x[edges.b[e]], y[edges.a[e]] - y[edges.b[e]]);
  return sum;
}

/**
 * Link opacity (0–255) from how many link pixels pile up per pixel of the graph's area on
 * screen: a 60-node graph gets solid links, a 2000-node hairball faint ones that shade by
 * density instead of saturating into a grey disc (which would hide the nodes); zooming in
 * spreads the links and brings them back.
 *
 * @param lengthPx total link length on screen, in px
 * @param areaPx2 area of the graph's bounding box on screen, in px²
 */
export function linkAlpha(lengthPx: number, areaPx2: number): number {
  if (lengthPx <= 0) return 0;
  const overlap = lengthPx / Math.max(1, areaPx2);
  // 0.3 (was 0.4) and a 3 % floor: past a few hundred nodes links are a light shading that
  // leaves every node readable on a washed-out projector, rather than a grey disc.
  return Math.round(255 * Math.min(0.6, Math.max(0.03, 0.3 / overlap)));
}

/**
 * The largest node radius (CSS px) for a canvas this size: a 60-node graph on a projector gets
 * big dots (up to 22 px on a 900-px-high canvas) instead of the 11 px a laptop pane needs.
 */
export function radiusCap(cssW: number, cssH: number): number {
  return Math.min(22, Math.max(11, Math.min(cssW, cssH) / 40));
}

/** Node radius on screen (CSS px): proportional to zoom, but always visible and never past `cap`. */
export function nodeRadius(spacing: number, k: number, cap = 11): number {
  return Math.min(cap, Math.max(1.4, spacing * 0.4 * k));
}

/** Id label size (CSS px) for nodes of radius `r`: readable from the back row, never bigger than the dot calls for. */
export function labelPx(r: number): number {
  return Math.round(Math.min(20, Math.max(11, r * 1.1)));
}
