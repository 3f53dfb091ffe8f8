import { packRgb, type Packed } from './colors';
import type { DensityLayout } from './density-layout';
import { drawCross, drawLine, drawStamp, type PixelBuffer, type StampCache } from './pixel-buffer';
import type { Transform } from './view-transform';

/**
 * The density view's pixels. Zoomed out, each node adds its colour to the one pixel it falls
 * on and every pixel shows the mix of its nodes (a pixel of three informed nodes and one
 * uninformed is mostly blue): at most one pixel per node, and a million nodes cost one pass
 * over them plus one over the pixels. Crashed nodes weigh more in the mix, so a single crash
 * among a pixel's nodes still darkens it. Zoomed in far enough that nodes are a few pixels
 * apart, each visible node is drawn as a disc (crashed: a ring with a cross) with its links.
 */

/** The per-node state the view colours by (from a compact frame's byte, see view/frame-source.ts). */
export const DensityState = {
  None: 0,
  Older: 1,
  Newest: 2,
  /** Newest, learned in the round just shown (the wave's front). */
  Fresh: 3,
  Crashed: 4,
} as const;

export interface DensityPalette {
  background: Packed;
  /** Indexed by DensityState. */
  state: readonly Packed[];
  /** Lines between partition groups. */
  boundary: Packed;
  selected: Packed;
  link: Packed;
  /** Partition groups 1, 2, …: a ring in the group's colour around each node when zoomed in. */
  groups: readonly Packed[];
}

/** Weight of each state in a pixel's mix: a crash must show through many live nodes. */
const WEIGHT = [1, 1, 1, 2, 6];

/** Node spacing on screen (device px) from which nodes are drawn one by one. */
export const NODE_MODE_PX = 3;
/** At most this many links are drawn zoomed in (more is a grey wash, and slow). */
export const MAX_LINKS_DRAWN = 40_000;

/** Scratch arrays of the aggregate pass, reused while the canvas keeps its size. */
export class DensityScratch {
  sumR = new Uint32Array(0);
  sumG = new Uint32Array(0);
  sumB = new Uint32Array(0);
  weight = new Uint32Array(0);
  group = new Uint8Array(0);
  /** spotPixel[spot]: its device-pixel index, or −1 off screen; valid for `key`. */
  spotPixel = new Int32Array(0);
  key = '';

  ensure(pixels: number, spots: number): void {
    if (this.weight.length !== pixels) {
      this.sumR = new Uint32Array(pixels);
      this.sumG = new Uint32Array(pixels);
      this.sumB = new Uint32Array(pixels);
      this.weight = new Uint32Array(pixels);
      this.group = new Uint8Array(pixels);
      this.key = '';
    }
    if (this.spotPixel.length !== spots) {
      this.spotPixel = new Int32Array(spots);
      this.key = '';
    }
  }
}

/** Where each spot lands (device px), recomputed only when the view, the size or the layout changes. */
function spotPixels(s: DensityScratch, l: DensityLayout, t: Transform, dpr: number, w: number, h: number): Int32Array {
  const key = `${t.k},${t.x},${t.y},${dpr},${w},${h},${l.n},${l.topology}`;
  if (s.key === key) return s.spotPixel;
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  const out = s.spotPixel;
  for (let i = 0; i < l.n; i++) {
    const px = Math.floor(l.spotX[i] * k + ox), py = Math.floor(l.spotY[i] * k + oy);
    out[i] = px >= 0 && py >= 0 && px < w && py < h ? py * w + px : -1;
  }
  s.key = key;
  return out;
}

export interface DensityInput {
  layout: DensityLayout;
  /** Per node: DensityState. */
  states: Uint8Array;
  /** Per node partition group, or null when the network is whole. */
  group: Uint8Array | null;
  transform: Transform;
  dpr: number;
  selected: number | null;
  /** CSR adjacency for the links drawn when zoomed in (null: the complete graph, none drawn). */
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
}

/** Draws the view into `buf`; returns how it drew ('pixels' zoomed out, 'nodes' zoomed in) and how many nodes are on screen. */
export function rasterDensity(buf: PixelBuffer, input: DensityInput, palette: DensityPalette, scratch: DensityScratch, stamps: StampCache): { mode: 'pixels' | 'nodes'; visible: number } {
  const spacingPx = 10 * input.transform.k * input.dpr;
  if (spacingPx >= NODE_MODE_PX) return { mode: 'nodes', visible: drawNodes(buf, input, palette, stamps, spacingPx) };
  return { mode: 'pixels', visible: drawPixels(buf, input, palette, scratch) };
}

function drawPixels(buf: PixelBuffer, input: DensityInput, palette: DensityPalette, scratch: DensityScratch): number {
  const { layout: l, states, group } = input;
  const w = buf.width, h = buf.height, data = buf.data;
  scratch.ensure(w * h, l.n);
  const pix = spotPixels(scratch, l, input.transform, input.dpr, w, h);
  const { sumR, sumG, sumB, weight } = scratch;
  sumR.fill(0);
  sumG.fill(0);
  sumB.fill(0);
  weight.fill(0);
  const groups = group ? scratch.group : null;
  if (groups) groups.fill(0);
  const r = new Uint32Array(5), g = new Uint32Array(5), b = new Uint32Array(5);
  for (let s = 0; s < 5; s++) {
    const c = palette.state[s];
    r[s] = (c & 255) * WEIGHT[s];
    g[s] = ((c >>> 8) & 255) * WEIGHT[s];
    b[s] = ((c >>> 16) & 255) * WEIGHT[s];
  }
  const spotOf = l.spotOf;
  let visible = 0;
  for (let i = 0; i < l.n; i++) {
    const p = pix[spotOf[i]];
    if (p < 0) continue;
    visible++;
    const s = states[i];
    sumR[p] += r[s];
    sumG[p] += g[s];
    sumB[p] += b[s];
    weight[p] += WEIGHT[s];
    if (groups) groups[p] = group![i] + 1;
  }
  const bg = palette.background;
  for (let p = 0; p < w * h; p++) {
    const wt = weight[p];
    data[p] = wt === 0 ? bg : packRgb((sumR[p] / wt) | 0, (sumG[p] / wt) | 0, (sumB[p] / wt) | 0);
  }
  if (groups) drawBoundaries(buf, groups, palette.boundary);
  if (input.selected !== null && input.selected < l.n) {
    const p = pix[spotOf[input.selected]];
    if (p >= 0) {
      const x = p % w, y = (p / w) | 0;
      drawCross(buf, x, y, 8 * input.dpr, palette.selected, 255, true);
    }
  }
  return visible;
}

/** A line where two neighbouring pixels hold nodes of different groups: the regions' borders. */
function drawBoundaries(buf: PixelBuffer, groups: Uint8Array, color: Packed): void {
  const w = buf.width, h = buf.height, data = buf.data;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0, p = y * w; x < w - 1; x++, p++) {
      const a = groups[p];
      if (a === 0) continue;
      const right = groups[p + 1], down = groups[p + w];
      if ((right !== 0 && right !== a) || (down !== 0 && down !== a)) {
        data[p] = color;
        data[p + 1] = color;
      }
    }
  }
}

function drawNodes(buf: PixelBuffer, input: DensityInput, palette: DensityPalette, stamps: StampCache, spacingPx: number): number {
  const { layout: l, states, group } = input;
  const w = buf.width, h = buf.height;
  buf.data.fill(palette.background);
  const k = input.transform.k * input.dpr, ox = input.transform.x * input.dpr, oy = input.transform.y * input.dpr;
  const radius = Math.min(12 * input.dpr, Math.max(1, spacingPx * 0.32));
  const margin = radius + 2;
  const { spotX, spotY, spotOf } = l;
  const sx = (i: number): number => spotX[spotOf[i]] * k + ox;
  const sy = (i: number): number => spotY[spotOf[i]] * k + oy;
  const onScreen: number[] = [];
  for (let i = 0; i < l.n; i++) {
    const x = sx(i), y = sy(i);
    if (x >= -margin && y >= -margin && x < w + margin && y < h + margin) onScreen.push(i);
  }
  // Links first, under the nodes: each once (from its smaller end, or from the visible end).
  if (input.offsets && input.neighbors) {
    const visible = new Uint8Array(l.n);
    for (const i of onScreen) visible[i] = 1;
    let drawn = 0;
    const alpha = onScreen.length > 5000 ? 70 : 140;
    for (const i of onScreen) {
      for (let e: number = input.offsets[i]; e < input.offsets[i + 1] && drawn < MAX_LINKS_DRAWN; e++) {
        const j = input.neighbors[e];
        if (visible[j] && j < i) continue;
        drawLine(buf, sx(i), sy(i), sx(j), sy(j), palette.link, alpha);
        drawn++;
      }
    }
  }
  const disc = stamps.get(radius, Infinity, radius < 2.5);
  const ring = stamps.get(radius, Math.max(1, radius * 0.35));
  for (const i of onScreen) {
    const x = sx(i), y = sy(i), s = states[i];
    if (s === DensityState.Crashed) {
      drawStamp(buf, x, y, ring, palette.state[s]);
      if (radius >= 3) drawCross(buf, x, y, radius * 0.55, palette.state[s]);
    } else drawStamp(buf, x, y, disc, palette.state[s]);
  }
  if (group && palette.groups.length) {
    // Zoomed in, a region is its nodes' rings in the group's colour (as the node-and-link view tints them).
    const groupRing = stamps.get(radius + 2.5 * input.dpr, 1.5 * input.dpr);
    for (const i of onScreen) if (group[i] !== 0) drawStamp(buf, sx(i), sy(i), groupRing, palette.groups[(group[i] - 1) % palette.groups.length]);
  }
  const sel = input.selected;
  if (sel !== null && sel < l.n) drawStamp(buf, sx(sel), sy(sel), stamps.get(radius + 4 * input.dpr, 2.5 * input.dpr), palette.selected);
  return onScreen.length;
}

/**
 * The view's state per node from a compact frame (`dense`, bits 0–1: none / older / newest),
 * liveness and the previous frame: newest and not newest one round earlier is Fresh.
 */
export function densityStates(dense: Uint8Array, alive: Uint8Array, prev: Uint8Array | null, out: Uint8Array): Uint8Array {
  for (let i = 0; i < out.length; i++) {
    const v = dense[i] & 3;
    out[i] = alive[i] === 0 ? DensityState.Crashed
      : v === 2 ? (prev !== null && (prev[i] & 3) !== 2 ? DensityState.Fresh : DensityState.Newest)
        : v === 1 ? DensityState.Older : DensityState.None;
  }
  return out;
}
