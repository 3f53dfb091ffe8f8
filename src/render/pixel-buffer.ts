import { blend, type Packed } from './colors';

/**
 * Drawing straight into pixels. On the software-rendered machines we measured, rasterising
 * thousands of long anti-aliased Canvas paths dominated the frame; writing 1-px links and
 * small discs into an ImageData's Uint32Array and doing one putImageData was ~3× faster.
 * Everything here is plain arithmetic on a typed array, so it runs (and is tested) in Node.
 */
export interface PixelBuffer {
  width: number;
  height: number;
  data: Uint32Array;
}

export function createBuffer(width: number, height: number, data?: Uint32Array): PixelBuffer {
  return { width, height, data: data ?? new Uint32Array(width * height) };
}

export function clear(buf: PixelBuffer, color: Packed): void {
  buf.data.fill(color);
}

function plot(buf: PixelBuffer, x: number, y: number, color: Packed, a: number): void {
  if (x < 0 || y < 0 || x >= buf.width || y >= buf.height) return;
  const i = y * buf.width + x;
  buf.data[i] = a >= 255 ? color : blend(buf.data[i], color, a);
}

/**
 * Liang–Barsky: the part of segment (x0,y0)–(x1,y1) inside [0,w)×[0,h), as [t0, t1] along it,
 * or null. Zoomed in, most links run far off screen; clipping first keeps their cost on-screen.
 */
export function clipSegment(x0: number, y0: number, x1: number, y1: number, w: number, h: number): [number, number] | null {
  const dx = x1 - x0, dy = y1 - y0;
  let t0 = 0, t1 = 1;
  const p = [-dx, dx, -dy, dy];
  const q = [x0, w - 1 - x0, y0, h - 1 - y0];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return null;
    } else {
      const r = q[i] / p[i];
      if (p[i] < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

/** A 1-px line (DDA) with coverage `a` (0–255), clipped to the buffer. */
export function drawLine(buf: PixelBuffer, x0: number, y0: number, x1: number, y1: number, color: Packed, a: number): void {
  const clip = clipSegment(x0, y0, x1, y1, buf.width, buf.height);
  if (!clip) return;
  const dx = x1 - x0, dy = y1 - y0;
  const sx = x0 + dx * clip[0], sy = y0 + dy * clip[0];
  const ex = x0 + dx * clip[1], ey = y0 + dy * clip[1];
  // Rounded, not floored: clipping leaves endpoints like 8.9999999, which must still count.
  const steps = Math.round(Math.max(Math.abs(ex - sx), Math.abs(ey - sy)));
  const w = buf.width, data = buf.data;
  if (steps === 0) {
    plot(buf, Math.round(sx), Math.round(sy), color, a);
    return;
  }
  const ix = (ex - sx) / steps, iy = (ey - sy) / steps;
  let x = sx + 0.5, y = sy + 0.5;
  const opaque = a >= 255;
  for (let s = 0; s <= steps; s++) {
    // After clipping, x and y stay within [0, w-1] × [0, h-1] up to rounding; |0 floors them.
    const i = (y | 0) * w + (x | 0);
    data[i] = opaque ? color : blend(data[i], color, a);
    x += ix;
    y += iy;
  }
}

/**
 * A 1-px line drawn through a dash `mask` (1 = ink, one entry per pixel step, repeating):
 * message kinds differ by dash as well as by colour. Separate from drawLine, whose loop draws
 * every link of the graph and must stay branch-free.
 */
export function drawMaskedLine(buf: PixelBuffer, x0: number, y0: number, x1: number, y1: number, color: Packed, a: number, mask: Uint8Array): void {
  const clip = clipSegment(x0, y0, x1, y1, buf.width, buf.height);
  if (!clip || mask.length === 0) return;
  const dx = x1 - x0, dy = y1 - y0;
  const len = Math.max(Math.abs(dx), Math.abs(dy));
  const sx = x0 + dx * clip[0], sy = y0 + dy * clip[0];
  const steps = Math.round(len * (clip[1] - clip[0]));
  // The pattern starts at the sender, not at the screen's edge: a clipped line keeps its phase.
  const phase = Math.round(len * clip[0]);
  const w = buf.width, data = buf.data;
  const ix = steps > 0 ? (dx * (clip[1] - clip[0])) / steps : 0, iy = steps > 0 ? (dy * (clip[1] - clip[0])) / steps : 0;
  let x = sx + 0.5, y = sy + 0.5;
  for (let s = 0; s <= steps; s++) {
    if (mask[(s + phase) % mask.length]) {
      const i = (y | 0) * w + (x | 0);
      data[i] = blend(data[i], color, a);
    }
    x += ix;
    y += iy;
  }
}

/** A dash array in px (on, off, on, …; empty = solid) as a per-pixel mask for drawMaskedLine. */
export function dashMask(dash: readonly number[]): Uint8Array {
  if (dash.length === 0) return Uint8Array.of(1);
  const out: number[] = [];
  dash.forEach((d, i) => {
    for (let k = 0; k < Math.max(1, Math.round(d)); k++) out.push(i % 2 === 0 ? 1 : 0);
  });
  return Uint8Array.from(out);
}

/** A precomputed disc or ring: pixel offsets and their coverage, so a node costs one loop. */
export interface Stamp {
  n: number;
  dx: Int16Array;
  dy: Int16Array;
  a: Uint8Array;
}

/** The pixels within R of the centre (both ways) that `alpha` gives a coverage (1–255; 0 leaves one out). */
function stampOf(R: number, alpha: (x: number, y: number) => number): Stamp {
  const dx: number[] = [], dy: number[] = [], a: number[] = [];
  for (let y = -R; y <= R; y++) {
    for (let x = -R; x <= R; x++) {
      const cov = alpha(x, y);
      if (cov > 0) {
        dx.push(x);
        dy.push(y);
        a.push(cov);
      }
    }
  }
  return { n: dx.length, dx: Int16Array.from(dx), dy: Int16Array.from(dy), a: Uint8Array.from(a) };
}

/**
 * Pixels with coverage of a ring of outer radius `r` and width `width` (a disc when width ≥ r).
 * `hard`: pixels at least half covered, fully opaque (tiny discs by the ten thousand: plain
 * writes, no blending, and at 1–2 px nobody sees the anti-aliasing).
 */
export function makeStamp(r: number, width = Infinity, hard = false, dashes = 0): Stamp {
  const inner = r - width;
  return stampOf(Math.ceil(r + 0.5), (x, y) => {
    const d = Math.hypot(x, y);
    let cov = Math.min(1, Math.max(0, r + 0.5 - d));
    if (inner > 0) cov = Math.min(cov, Math.min(1, Math.max(0, d - inner + 0.5)));
    // A dashed ring keeps every other of 2·dashes arcs: it reads as "dashed" in any colour.
    if (dashes > 0 && Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 2 * dashes) % 2 === 1) cov = 0;
    if (hard) return cov >= 0.5 ? 255 : 0;
    return cov > 0.02 ? Math.round(cov * 255) : 0;
  });
}

/** Head shapes of message kinds other than the disc; `s` is the half-size in px. */
export type StampShape = 'square' | 'diamond' | 'triangle';

const inShape = (shape: StampShape, x: number, y: number, s: number): boolean =>
  shape === 'square' ? Math.abs(x) <= s && Math.abs(y) <= s
    : shape === 'diamond' ? Math.abs(x) + Math.abs(y) <= s * 1.4
      : y <= s && y >= -1.4 * s && Math.abs(x) <= (1.3 * s * (y + 1.4 * s)) / (2.4 * s);

/** A filled square, diamond or point-up triangle, anti-aliased by 4×4 supersampling. */
function makeShapeStamp(shape: StampShape, s: number): Stamp {
  return stampOf(Math.ceil(s * 1.4 + 1), (x, y) => {
    let hits = 0;
    for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) if (inShape(shape, x - 0.375 + i * 0.25, y - 0.375 + j * 0.25, s)) hits++;
    return Math.round((hits / 16) * 255);
  });
}

/** Stamps by radius (quantised to ¼ px), ring width, hardness and dashes; shapes by half-size. */
export class StampCache {
  private cache = new Map<string, Stamp>();
  get(r: number, width = Infinity, hard = false, dashes = 0): Stamp {
    const q = Math.round(r * 4) / 4;
    return this.memo(`${q}/${width}/${hard}/${dashes}`, () => makeStamp(q, width, hard, dashes));
  }
  shape(shape: StampShape, size: number): Stamp {
    const q = Math.round(size * 4) / 4;
    return this.memo(`${shape}:${q}`, () => makeShapeStamp(shape, q));
  }
  private memo(key: string, make: () => Stamp): Stamp {
    let s = this.cache.get(key);
    if (!s) {
      s = make();
      this.cache.set(key, s);
    }
    return s;
  }
}

export function drawStamp(buf: PixelBuffer, cx: number, cy: number, stamp: Stamp, color: Packed, alpha = 255): void {
  const x0 = Math.round(cx), y0 = Math.round(cy);
  const { width: w, height: h, data } = buf;
  for (let k = 0; k < stamp.n; k++) {
    const x = x0 + stamp.dx[k], y = y0 + stamp.dy[k];
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const i = y * w + x;
    if (alpha === 255 && stamp.a[k] === 255) data[i] = color;
    else data[i] = blend(data[i], color, ((stamp.a[k] * alpha) / 255) | 0);
  }
}

/** An × of half-size `r`: crashed nodes and dropped messages must read by shape, not only colour. */
export function drawCross(buf: PixelBuffer, cx: number, cy: number, r: number, color: Packed, a = 255, thick = false): void {
  for (let o = thick ? -0.5 : 0; o <= (thick ? 0.5 : 0); o += 1) {
    drawLine(buf, cx - r + o, cy - r, cx + r + o, cy + r, color, a);
    drawLine(buf, cx - r + o, cy + r, cx + r + o, cy - r, color, a);
  }
}

/**
 * Fills a polygon (even–odd rule, pixel centres) with coverage `a`: the tinted partition regions.
 * `xs`/`ys` are its vertices in pixel coordinates.
 */
export function fillPolygon(buf: PixelBuffer, xs: ArrayLike<number>, ys: ArrayLike<number>, color: Packed, a: number): void {
  const n = xs.length;
  if (n < 3) return;
  let minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  const yStart = Math.max(0, Math.ceil(minY - 0.5)), yEnd = Math.min(buf.height - 1, Math.floor(maxY - 0.5));
  const crossings: number[] = [];
  for (let y = yStart; y <= yEnd; y++) {
    const cy = y + 0.5;
    crossings.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = ys[i], yj = ys[j];
      if (yi > cy !== yj > cy) crossings.push(xs[i] + ((cy - yi) / (yj - yi)) * (xs[j] - xs[i]));
    }
    crossings.sort((p, q) => p - q);
    const row = y * buf.width;
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const xa = Math.max(0, Math.ceil(crossings[k] - 0.5)), xb = Math.min(buf.width - 1, Math.floor(crossings[k + 1] - 0.5));
      for (let x = xa; x <= xb; x++) buf.data[row + x] = blend(buf.data[row + x], color, a);
    }
  }
}
