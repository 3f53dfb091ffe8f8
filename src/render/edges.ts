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

/**
 * Link opacity (0–255): dense graphs get fainter links so the picture stays readable and the
 * nodes stay visible; zooming in (fewer links per pixel) brings them back.
 */
export function linkAlpha(edgeCount: number, zoomRelativeToFit: number): number {
  if (edgeCount === 0) return 0;
  const a = (14 / Math.sqrt(edgeCount)) * Math.sqrt(Math.max(1, zoomRelativeToFit));
  return Math.round(255 * Math.min(0.55, Math.max(0.07, a)));
}

/** Node radius on screen (CSS px): proportional to zoom, but always visible and never huge. */
export function nodeRadius(spacing: number, k: number): number {
  return Math.min(11, Math.max(1.4, spacing * 0.36 * k));
}
