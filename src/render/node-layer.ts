import { OUTCOME_DELIVERED } from '../engine/types';
import { messagePose, messagePoseIn, messageWindow, type MessagePose } from './message-anim';
import { KNOWS_LATEST, KNOWS_OLDER } from './node-state';
import type { Packed } from './colors';
import { drawCross, drawLine, drawMaskedLine, drawStamp, type PixelBuffer, type Stamp, type StampCache } from './pixel-buffer';
import type { PackedKind } from './model-looks';
import type { Scene } from './scene';
import { styledNodes } from './styled-nodes';

const KIND_PULL_REQUEST = 1;

/** Nodes and flying messages, drawn every frame on top of a copy of the link layer. */
export function drawNodes(buf: PixelBuffer, scene: Scene, dpr: number, stamps: StampCache): void {
  const { pos, transform: t, states, alive, group, colors } = scene;
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  const r = scene.nodeRadius * dpr;
  const disc = stamps.get(r, Infinity, r < 2.5);
  // A background-coloured halo separates a node from the links crossing under it (black and
  // thicker in high contrast: every node outlined).
  const haloW = (scene.colors.thickLinks ? 2 : 1.25) * dpr;
  const halo = r >= 2 * dpr ? stamps.get(r + haloW, haloW) : null;
  const hollowFill = stamps.get(Math.max(0, r - 1));
  const crashRing = stamps.get(r, Math.max(1, r * 0.25));
  const groupRing = stamps.get(r + 2.75 * dpr, 1.5 * dpr);
  // Infective nodes wear a bright ring just outside the disc; removed ones none: shape, not hue.
  const rumorRing = stamps.get(r + 3.5 * dpr, 2.25 * dpr, r < 2 * dpr);
  const { rumor } = scene;
  const showGroupRings = group !== null && r >= 2.5 * dpr;
  // A model's own colouring (membership) replaces the version colours node by node; culling,
  // group rings and selection stay shared.
  const styled = scene.style && scene.looks ? styledNodes(scene, scene.style, scene.looks, dpr, stamps) : null;
  const margin = r + (styled ? 8 : 4) * dpr;
  const w = buf.width, h = buf.height;
  for (let i = 0; i < pos.n; i++) {
    const x = pos.x[i] * k + ox, y = pos.y[i] * k + oy;
    if (x < -margin || y < -margin || x > w + margin || y > h + margin) continue;
    if (showGroupRings && group![i] > 0) drawStamp(buf, x, y, groupRing, colors.groups[(group![i] - 1) % colors.groups.length]);
    if (styled) {
      styled(buf, i, x, y);
      continue;
    }
    if (alive && alive[i] === 0) {
      // Crashed: hollow with a cross, so it reads as dead without relying on colour.
      if (r >= 2.5 * dpr) {
        drawStamp(buf, x, y, hollowFill, colors.background);
        drawStamp(buf, x, y, crashRing, colors.crashed);
        drawCross(buf, x, y, r * 0.55, colors.crashed);
      } else {
        drawCross(buf, x, y, r + dpr, colors.crashed, 255, true);
      }
      continue;
    }
    const s = states[i];
    if (rumor && rumor[i] === 1) drawStamp(buf, x, y, rumorRing, colors.infective);
    if (halo) drawStamp(buf, x, y, halo, colors.halo);
    drawStamp(buf, x, y, disc, s === KNOWS_LATEST ? colors.latest : s === KNOWS_OLDER ? colors.older : colors.none);
  }
  drawSelection(buf, scene, dpr, stamps, scene.looks && styled ? scene.looks.selected : colors.selected);
}

/** A thick ring around the selected node, in the colour its model gives selection. */
function drawSelection(buf: PixelBuffer, scene: Scene, dpr: number, stamps: StampCache, color: Packed): void {
  const { pos, transform: t, selected } = scene;
  if (selected === null || selected >= pos.n) return;
  const r = scene.nodeRadius * dpr;
  const ring = stamps.get(Math.max(r + 4.5 * dpr, 7 * dpr), 3 * dpr);
  drawStamp(buf, pos.x[selected] * t.k * dpr + t.x * dpr, pos.y[selected] * t.k * dpr + t.y * dpr, ring, color);
}

const pose: MessagePose = { visible: false, t: 0, alpha: 0, broken: false };

export function drawMessages(buf: PixelBuffer, scene: Scene, dpr: number, stamps: StampCache): void {
  const m = scene.messages;
  if (!m) return;
  const { pos, transform: t, colors } = scene;
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  // Messages grow with the dots (to 8 px on a projector), so they read from the back row too.
  const dotR = Math.min(8, Math.max(2.5, scene.nodeRadius * 0.55)) * dpr;
  const dot = stamps.get(dotR);
  const small = stamps.get(dotR * 0.7);
  const kinds = scene.looks?.kinds ?? null;
  const heads = kinds ? kindHeads(kinds, dotR, stamps) : null;
  // Paths fade as there are more of them (a hundred probes a round), trails more than flights.
  const pathAlpha = Math.round(255 * Math.min(0.35, 3 / Math.sqrt(Math.max(1, m.count))));
  for (let e = 0; e < m.count; e++) {
    // A model's own kinds (membership) fly in the windows its table gives; unknown kinds take the whole round.
    const look = kinds ? kinds[m.kind[e]] : undefined;
    const f = (scene.progress - m.t0[e]) / m.len[e];
    if (scene.fade !== null && m.len[e] === 1) {
      // Reduced motion: the message stands half way through its own window, fading in and out.
      const [ws, we] = kinds ? [look?.start ?? 0, look?.end ?? 1] : messageWindow(m.kind[e]);
      messagePoseIn(ws, we, m.outcome[e], (ws + we) / 2, 1, pose);
    } else if (kinds) {
      // Short windows (a ping flies in 30 % of a round): once landed, its path stays as a faint
      // trail until the next frame, so a paused round still shows who talked to whom.
      if (scene.showMessagePaths && m.outcome[e] === OUTCOME_DELIVERED && m.len[e] === 1 && f >= (look?.end ?? 1)) {
        if (look) trail(buf, scene, m.from[e], m.to[e], look, k, ox, oy, pathAlpha >> 1);
        continue;
      }
      messagePoseIn(look?.start ?? 0, look?.end ?? 1, m.outcome[e], f, m.len[e], pose);
    } else messagePose(m.kind[e], m.outcome[e], f, m.len[e], pose);
    if (!pose.visible) continue;
    const a = m.from[e], b = m.to[e];
    if (a >= pos.n || b >= pos.n) continue;
    const x0 = pos.x[a] * k + ox, y0 = pos.y[a] * k + oy;
    const x1 = pos.x[b] * k + ox, y1 = pos.y[b] * k + oy;
    const x = x0 + (x1 - x0) * pose.t, y = y0 + (y1 - y0) * pose.t;
    const alpha = Math.round(255 * pose.alpha * (scene.fade ?? 1));
    if (m.outcome[e] !== OUTCOME_DELIVERED) {
      if (scene.showMessagePaths) drawLine(buf, x0, y0, x, y, colors.dropped, 90);
      if (pose.broken) drawCross(buf, x, y, dotR * 1.2, colors.dropped, alpha, true);
      else drawStamp(buf, x, y, dot, colors.dropped, alpha);
      continue;
    }
    if (kinds) {
      // Colour, head shape and a ring for a carried payload: kinds differ in more than hue.
      const color = look?.color ?? colors.control;
      if (scene.showMessagePaths && look) drawMaskedLine(buf, x0, y0, x1, y1, color, pathAlpha, look.dash);
      drawStamp(buf, x, y, heads!.heads[m.kind[e]] ?? dot, color, alpha);
      if (look?.ringWhenUseful && m.useful[e]) drawStamp(buf, x, y, heads!.ring!, color, alpha);
      continue;
    }
    // A request, or a message from a node that knew nothing, carries no update: neither
    // useful nor redundant, so it is small and grey. A delayed message's fate is known only
    // when it lands: grey too, but full size.
    const control = m.kind[e] === KIND_PULL_REQUEST || m.payload[e] === 0;
    const color = control || m.len[e] > 1 ? colors.control : m.useful[e] ? colors.useful : colors.redundant;
    if (scene.showMessagePaths) drawLine(buf, x0, y0, x1, y1, color, control ? 40 : 90);
    drawStamp(buf, x, y, control ? small : dot, color, alpha);
  }
}

function trail(buf: PixelBuffer, scene: Scene, a: number, b: number, look: PackedKind, k: number, ox: number, oy: number, alpha: number): void {
  const { pos } = scene;
  if (a >= pos.n || b >= pos.n) return;
  drawMaskedLine(buf, pos.x[a] * k + ox, pos.y[a] * k + oy, pos.x[b] * k + ox, pos.y[b] * k + oy, look.color, alpha, look.dash);
}

interface KindHeads {
  kinds: PackedKind[] | null;
  dotR: number;
  stamps: StampCache | null;
  heads: Stamp[];
  ring: Stamp | null;
}
const headMemo: KindHeads = { kinds: null, dotR: 0, stamps: null, heads: [], ring: null };

/**
 * Head stamps per kind of a model's table, plus the ring of a carried payload; remade only when
 * the table, the dot size or the cache changes, so a frame allocates nothing here.
 */
function kindHeads(kinds: PackedKind[], dotR: number, stamps: StampCache): KindHeads {
  const h = headMemo;
  if (h.kinds !== kinds || h.dotR !== dotR || h.stamps !== stamps) {
    h.kinds = kinds;
    h.dotR = dotR;
    h.stamps = stamps;
    h.heads = kinds.map((k) => (k.shape === 'circle' ? stamps.get(dotR * k.size) : stamps.shape(k.shape, dotR * k.size * 0.85)));
    h.ring = stamps.get(dotR * 2, Math.max(1, dotR * 0.4));
  }
  return h;
}
