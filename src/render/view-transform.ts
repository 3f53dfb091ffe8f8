import type { Bounds } from './geometry';

/** World → screen (CSS px): screen = world · k + (x, y). */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

export const MIN_ZOOM_FACTOR = 0.25;
export const MAX_ZOOM_FACTOR = 40;

/** The transform that fits `b` into a w×h viewport with `margin` CSS px on each side. */
export function fitTransform(b: Bounds, w: number, h: number, margin = 24): Transform {
  const bw = Math.max(b.maxX - b.minX, 1e-6), bh = Math.max(b.maxY - b.minY, 1e-6);
  const k = Math.max(1e-6, Math.min((w - 2 * margin) / bw, (h - 2 * margin) / bh));
  return { k, x: w / 2 - ((b.minX + b.maxX) / 2) * k, y: h / 2 - ((b.minY + b.maxY) / 2) * k };
}

/** Zooms by `factor` keeping the screen point (sx, sy) fixed, within [fitK·MIN, fitK·MAX]. */
export function zoomAt(t: Transform, factor: number, sx: number, sy: number, fitK: number): Transform {
  const k = Math.min(fitK * MAX_ZOOM_FACTOR, Math.max(fitK * MIN_ZOOM_FACTOR, t.k * factor));
  const f = k / t.k;
  return { k, x: sx - (sx - t.x) * f, y: sy - (sy - t.y) * f };
}

export function toWorld(t: Transform, sx: number, sy: number): [number, number] {
  return [(sx - t.x) / t.k, (sy - t.y) / t.k];
}

export function toScreen(t: Transform, wx: number, wy: number): [number, number] {
  return [wx * t.k + t.x, wy * t.k + t.y];
}
