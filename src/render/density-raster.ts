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

/**
 * The spots of each pixel, as CSR (`start[p] … start[p + 1]` in `spots`), rebuilt only when the
 * view, the canvas or the layout's spots change — never per round. A frame then walks the pixels
 * in order and gathers their nodes' states: no per-frame clearing of accumulators and no random
 * writes (the first version scattered each node into four per-pixel sum arrays, cleared every frame).
 */
export class DensityScratch {
  start = new Uint32Array(1);
  spots = new Uint32Array(0);
  /** Per spot, its node's DensityState (filled each frame in node order: sequential reads). */
  spotState = new Uint8Array(0);
  group = new Uint8Array(0);
  key = '';
}

function pixelSpots(s: DensityScratch, l: DensityLayout, t: Transform, dpr: number, w: number, h: number): void {
  const key = `${t.k},${t.x},${t.y},${dpr},${w},${h},${l.n},${l.topology}`;
  if (s.key === key) return;
  const pixels = w * h;
  if (s.start.length !== pixels + 1) s.start = new Uint32Array(pixels + 1);
  else s.start.fill(0);
  if (s.group.length !== pixels) s.group = new Uint8Array(pixels);
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  const at = new Int32Array(l.n);
  const start = s.start;
  let on = 0;
  for (let i = 0; i < l.n; i++) {
    const px = Math.floor(l.spotX[i] * k + ox), py = Math.floor(l.spotY[i] * k + oy);
    const p = px >= 0 && py >= 0 && px < w && py < h ? py * w + px : -1;
    at[i] = p;
    if (p >= 0) {
      start[p + 1]++;
      on++;
    }
  }
  for (let p = 0; p < pixels; p++) start[p + 1] += start[p];
  const fill = start.slice(0, pixels);
  const spots = s.spots.length === on ? s.spots : new Uint32Array(on);
  for (let i = 0; i < l.n; i++) if (at[i] >= 0) spots[fill[at[i]]++] = i;
  s.spots = spots;
  s.key = key;
}

export interface DensityInput {
  layout: DensityLayout;
  /** A compact frame's byte per node (bits 0–1: none / older / newest). */
  dense: Uint8Array;
  alive: Uint8Array;
  /** The previous round's bytes (newest now but not then is the wave's front), or null. */
  prev: Uint8Array | null;
  /** Per node partition group, or null when the network is whole. */
  group: Uint8Array | null;
  transform: Transform;
  dpr: number;
  selected: number | null;
  /** CSR adjacency for the links drawn when zoomed in (null: the complete graph, none drawn). */
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
}

/** A node's DensityState: crashed, else the version held, newest split into learned this round (Fresh) or before. */
export function stateOf(input: DensityInput, i: number): number {
  if (input.alive[i] === 0) return DensityState.Crashed;
  const v = input.dense[i] & 3;
  if (v !== 2) return v;
  return input.prev !== null && (input.prev[i] & 3) !== 2 ? DensityState.Fresh : DensityState.Newest;
}

/** Draws the view into `buf`; returns how it drew ('pixels' zoomed out, 'nodes' zoomed in) and how many nodes are on screen. */
export function rasterDensity(buf: PixelBuffer, input: DensityInput, palette: DensityPalette, scratch: DensityScratch, stamps: StampCache): { mode: 'pixels' | 'nodes'; visible: number } {
  const spacingPx = 10 * input.transform.k * input.dpr;
  if (spacingPx >= NODE_MODE_PX) return { mode: 'nodes', visible: drawNodes(buf, input, palette, stamps, spacingPx) };
  return { mode: 'pixels', visible: drawPixels(buf, input, palette, scratch) };
}

function drawPixels(buf: PixelBuffer, input: DensityInput, palette: DensityPalette, scratch: DensityScratch): number {
  const { layout: l, group, dense, alive, prev } = input;
  const w = buf.width, h = buf.height, data = buf.data;
  pixelSpots(scratch, l, input.transform, input.dpr, w, h);
  const { start, spots } = scratch;
  const groups = group ? scratch.group : null;
  const r = new Uint32Array(5), g = new Uint32Array(5), b = new Uint32Array(5), wt = Uint32Array.from(WEIGHT);
  for (let s = 0; s < 5; s++) {
    const c = palette.state[s];
    r[s] = (c & 255) * WEIGHT[s];
    g[s] = ((c >>> 8) & 255) * WEIGHT[s];
    b[s] = ((c >>> 16) & 255) * WEIGHT[s];
  }
  // States by spot, in one pass in node order: the pixel loop then reads one byte array
  // (1 MB at 10^6 nodes) instead of four arrays through a node lookup.
  if (scratch.spotState.length !== l.n) scratch.spotState = new Uint8Array(l.n);
  const st = scratch.spotState, spotOf = l.spotOf;
  for (let i = 0; i < l.n; i++) {
    let v: number;
    if (alive[i] === 0) v = 4;
    else {
      v = dense[i] & 3;
      if (v === 2 && prev !== null && (prev[i] & 3) !== 2) v = 3;
    }
    st[spotOf[i]] = v;
  }
  const nodeAt = l.nodeAt;
  const bg = palette.background;
  const pixels = w * h;
  for (let p = 0; p < pixels; p++) {
    const s0 = start[p], s1 = start[p + 1];
    if (s0 === s1) {
      data[p] = bg;
      if (groups) groups[p] = 0;
      continue;
    }
    let sr = 0, sg = 0, sb = 0, sw = 0;
    for (let j = s0; j < s1; j++) {
      const v = st[spots[j]];
      sr += r[v];
      sg += g[v];
      sb += b[v];
      sw += wt[v];
    }
    data[p] = packRgb((sr / sw) | 0, (sg / sw) | 0, (sb / sw) | 0);
    if (groups) groups[p] = group![nodeAt[spots[s1 - 1]]] + 1;
  }
  if (groups) drawBoundaries(buf, groups, palette.boundary);
  const sel = input.selected;
  if (sel !== null && sel < l.n) {
    const k = input.transform.k * input.dpr;
    const x = l.spotX[l.spotOf[sel]] * k + input.transform.x * input.dpr, y = l.spotY[l.spotOf[sel]] * k + input.transform.y * input.dpr;
    drawCross(buf, x, y, 8 * input.dpr, palette.selected, 255, true);
  }
  return spots.length;
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
  const { layout: l, group } = input;
  const w = buf.width, h = buf.height;
  buf.data.fill(palette.background);
  const k = input.transform.k * input.dpr, ox = input.transform.x * input.dpr, oy = input.transform.y * input.dpr;
  const radius = Math.min(12 * input.dpr, Math.max(1, spacingPx * 0.36));
  const margin = radius + 2;
  const { spotX, spotY, spotOf } = l;
  const sx = (i: number): number => spotX[spotOf[i]] * k + ox;
  const sy = (i: number): number => spotY[spotOf[i]] * k + oy;
  const onScreen: number[] = [];
  for (let i = 0; i < l.n; i++) {
    const x = sx(i), y = sy(i);
    if (x >= -margin && y >= -margin && x < w + margin && y < h + margin) onScreen.push(i);
  }
  // Links first, under the nodes: each once between two nodes on screen; towards a node off
  // screen only a stub (a random graph's neighbours can be across the disc: whole lines would
  // cover the view with a grey wash).
  if (input.offsets && input.neighbors) {
    const visible = new Uint8Array(l.n);
    for (const i of onScreen) visible[i] = 1;
    let drawn = 0;
    const stub = Math.max(radius * 2, spacingPx * 0.6);
    for (const i of onScreen) {
      const x = sx(i), y = sy(i);
      for (let e: number = input.offsets[i]; e < input.offsets[i + 1] && drawn < MAX_LINKS_DRAWN; e++) {
        const j = input.neighbors[e];
        if (visible[j] && j < i) continue;
        const jx = sx(j), jy = sy(j);
        if (visible[j]) drawLine(buf, x, y, jx, jy, palette.link, 150);
        else {
          const d = Math.hypot(jx - x, jy - y) || 1;
          drawLine(buf, x, y, x + ((jx - x) / d) * stub, y + ((jy - y) / d) * stub, palette.link, 130);
        }
        drawn++;
      }
    }
  }
  const disc = stamps.get(radius, Infinity, radius < 2.5);
  const ring = stamps.get(radius, Math.max(1, radius * 0.35));
  for (const i of onScreen) {
    const x = sx(i), y = sy(i), s = stateOf(input, i);
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
