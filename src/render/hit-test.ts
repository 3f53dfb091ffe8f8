import type { Positions } from './geometry';

/**
 * The node nearest to (x, y) within `radius` (world units), or null. A linear scan: even at
 * 10,000 nodes it takes ~20 µs, less than keeping a spatial index in sync with a moving layout.
 * Ties go to the higher id, i.e. the node drawn on top.
 */
export function nearestNode(pos: Positions, x: number, y: number, radius: number): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < pos.n; i++) {
    const dx = pos.x[i] - x, dy = pos.y[i] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
