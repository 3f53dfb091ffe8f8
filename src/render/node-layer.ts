import { OUTCOME_DELIVERED } from '../engine/types';
import { messagePose, type MessagePose } from './message-anim';
import { KNOWS_LATEST, KNOWS_OLDER } from './node-state';
import { drawCross, drawLine, drawStamp, type PixelBuffer, type StampCache } from './pixel-buffer';
import type { Scene } from './scene';

const KIND_PULL_REQUEST = 1;

/** Nodes and flying messages, drawn every frame on top of a copy of the link layer. */
export function drawNodes(buf: PixelBuffer, scene: Scene, dpr: number, stamps: StampCache): void {
  const { pos, transform: t, states, alive, group, colors } = scene;
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  const r = scene.nodeRadius * dpr;
  const disc = stamps.get(r, Infinity, r < 2.5);
  // A background-coloured halo separates a node from the links crossing under it.
  const halo = r >= 2 * dpr ? stamps.get(r + 1.25 * dpr, 1.25 * dpr) : null;
  const hollowFill = stamps.get(Math.max(0, r - 1));
  const crashRing = stamps.get(r, Math.max(1, r * 0.25));
  const groupRing = stamps.get(r + 2.75 * dpr, 1.5 * dpr);
  // Infective nodes wear a bright ring just outside the disc; removed ones none: shape, not hue.
  const rumorRing = stamps.get(r + 3.5 * dpr, 2.25 * dpr, r < 2 * dpr);
  const { rumor } = scene;
  const showGroupRings = group !== null && r >= 2.5 * dpr;
  const margin = r + 4 * dpr;
  const w = buf.width, h = buf.height;
  for (let i = 0; i < pos.n; i++) {
    const x = pos.x[i] * k + ox, y = pos.y[i] * k + oy;
    if (x < -margin || y < -margin || x > w + margin || y > h + margin) continue;
    if (showGroupRings && group![i] > 0) drawStamp(buf, x, y, groupRing, colors.groups[(group![i] - 1) % colors.groups.length]);
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
    if (halo) drawStamp(buf, x, y, halo, colors.background);
    drawStamp(buf, x, y, disc, s === KNOWS_LATEST ? colors.latest : s === KNOWS_OLDER ? colors.older : colors.none);
  }
  if (scene.selected !== null && scene.selected < pos.n) {
    const i = scene.selected;
    const ring = stamps.get(Math.max(r + 4.5 * dpr, 7 * dpr), 3 * dpr);
    drawStamp(buf, pos.x[i] * k + ox, pos.y[i] * k + oy, ring, colors.selected);
  }
}

const pose: MessagePose = { visible: false, t: 0, alpha: 0, broken: false };

export function drawMessages(buf: PixelBuffer, scene: Scene, dpr: number, stamps: StampCache): void {
  const m = scene.messages;
  if (!m) return;
  const { pos, transform: t, colors } = scene;
  const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
  const dotR = Math.min(5, Math.max(2.5, scene.nodeRadius * 0.55)) * dpr;
  const dot = stamps.get(dotR);
  const small = stamps.get(dotR * 0.7);
  for (let e = 0; e < m.count; e++) {
    messagePose(m.kind[e], m.outcome[e], (scene.progress - m.t0[e]) / m.len[e], m.len[e], pose);
    if (!pose.visible) continue;
    const a = m.from[e], b = m.to[e];
    if (a >= pos.n || b >= pos.n) continue;
    const x0 = pos.x[a] * k + ox, y0 = pos.y[a] * k + oy;
    const x1 = pos.x[b] * k + ox, y1 = pos.y[b] * k + oy;
    const x = x0 + (x1 - x0) * pose.t, y = y0 + (y1 - y0) * pose.t;
    const alpha = Math.round(255 * pose.alpha);
    if (m.outcome[e] !== OUTCOME_DELIVERED) {
      if (scene.showMessagePaths) drawLine(buf, x0, y0, x, y, colors.dropped, 90);
      if (pose.broken) drawCross(buf, x, y, dotR * 1.2, colors.dropped, alpha, true);
      else drawStamp(buf, x, y, dot, colors.dropped, alpha);
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
