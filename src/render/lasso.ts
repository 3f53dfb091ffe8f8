import { pointInPolygon, type Positions } from './geometry';
import { toWorld, type Transform } from './view-transform';

/** A loop smaller than this (CSS px across) is a slip of the hand, not a lasso. */
export const MIN_LASSO_PX = 16;

/**
 * The nodes inside a lasso drawn on screen (x0, y0, x1, y1, … in CSS px), closed back to its
 * start; null when the loop is too small to mean anything.
 */
export function nodesInLasso(pos: Positions, t: Transform, path: readonly number[]): number[] | null {
  if (path.length < 6) return null;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i + 1 < path.length; i += 2) {
    minX = Math.min(minX, path[i]);
    maxX = Math.max(maxX, path[i]);
    minY = Math.min(minY, path[i + 1]);
    maxY = Math.max(maxY, path[i + 1]);
    const [wx, wy] = toWorld(t, path[i], path[i + 1]);
    xs.push(wx);
    ys.push(wy);
  }
  if (Math.max(maxX - minX, maxY - minY) < MIN_LASSO_PX) return null;
  const inside: number[] = [];
  for (let i = 0; i < pos.n; i++) if (pointInPolygon(pos.x[i], pos.y[i], xs, ys)) inside.push(i);
  return inside;
}
