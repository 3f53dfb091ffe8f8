import { OUTCOME_DELIVERED } from '../../engine/types';
import { groupColor } from '../../theme/palette';
import type { MembershipFrame } from '../../worker/protocol';
import type { Layout, Placement } from './graph-layout';
import {
  DROPPED_COLOR, MESSAGE_STYLES, SUSPECT_RING, WRONG_COLORS, ink, wrongBucket,
  type HeadShape, type Theme,
} from './membership-style';

/**
 * Draws one membership frame on a 2D canvas: messages first (under the nodes), then nodes
 * batched by colour (one path per colour, so 2000 nodes cost a handful of fills).
 */

export interface DrawInput {
  frame: MembershipFrame;
  layout: Layout;
  at: Placement;
  theme: Theme;
  selected: number | null;
  /** How far through the round the messages are, 0–1 (1 = all landed). */
  t: number;
  labels: boolean;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

function headPath(ctx: CanvasRenderingContext2D, shape: HeadShape, x: number, y: number, s: number): void {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + s, y);
      ctx.arc(x, y, s, 0, 2 * Math.PI);
      return;
    case 'square':
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      return;
    case 'diamond':
      ctx.moveTo(x, y - s * 1.4);
      ctx.lineTo(x + s * 1.4, y);
      ctx.lineTo(x, y + s * 1.4);
      ctx.lineTo(x - s * 1.4, y);
      ctx.closePath();
      return;
    case 'triangle':
      ctx.moveTo(x, y - s * 1.4);
      ctx.lineTo(x + s * 1.3, y + s);
      ctx.lineTo(x - s * 1.3, y + s);
      ctx.closePath();
  }
}

function drawMessages(ctx: CanvasRenderingContext2D, d: DrawInput): void {
  const m = d.frame.messages;
  if (!m || m.count === 0) return;
  const { layout, at } = d;
  const X = (i: number): number => at.cx + layout.x[i] * at.r;
  const Y = (i: number): number => at.cy + layout.y[i] * at.r;
  const head = Math.max(2.2, Math.min(4, at.nr * 0.55));
  // Lines fade as there are more of them, and once they have landed, so a busy round stays readable.
  const lineAlpha = Math.max(0.12, Math.min(0.85, 12 / Math.sqrt(m.count))) * (d.t >= 1 ? 0.6 : 1);
  const drops: [number, number][] = [];
  MESSAGE_STYLES.forEach((style, kind) => {
    const [a, b] = style.phase;
    const heads: [number, number, boolean][] = [];
    ctx.beginPath();
    for (let i = 0; i < m.count; i++) {
      if (m.kind[i] !== kind) continue;
      const p = clamp01((d.t - a) / (b - a));
      if (p <= 0) continue;
      const delivered = m.outcome[i] === OUTCOME_DELIVERED;
      // A dropped message stops part way, where it was lost.
      const q = delivered ? p : Math.min(p, 0.55);
      const x0 = X(m.from[i]), y0 = Y(m.from[i]), x1 = X(m.to[i]), y1 = Y(m.to[i]);
      // Bowed to the sender's right, so a ping and its ack are two arcs, not one line.
      const bow = Math.min(0.12, 24 / Math.max(1, Math.hypot(x1 - x0, y1 - y0)));
      const cx = (x0 + x1) / 2 + (y1 - y0) * bow, cy = (y0 + y1) / 2 - (x1 - x0) * bow;
      // The curve's first part up to q (de Casteljau): control P0 + q(C − P0), end B(q).
      const qx = x0 + (cx - x0) * q, qy = y0 + (cy - y0) * q;
      const x = (1 - q) * qx + q * (cx + (x1 - cx) * q), y = (1 - q) * qy + q * (cy + (y1 - cy) * q);
      ctx.moveTo(x0, y0);
      ctx.quadraticCurveTo(qx, qy, x, y);
      if (!delivered && p >= 0.55) drops.push([x, y]);
      else heads.push([x, y, m.updates[i] > 0]);
    }
    ctx.setLineDash(style.dash);
    ctx.lineWidth = style.width;
    ctx.strokeStyle = style.color;
    ctx.globalAlpha = lineAlpha;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    if (heads.length === 0) return;
    ctx.beginPath();
    for (const [x, y] of heads) headPath(ctx, style.head, x, y, head);
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = ink(d.theme);
    ctx.stroke();
    // Piggybacked membership updates ride along: a ring around the head.
    ctx.beginPath();
    for (const [x, y, carries] of heads) if (carries && style.head !== 'square') {
      ctx.moveTo(x + head * 2, y);
      ctx.arc(x, y, head * 2, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = style.color;
    ctx.stroke();
  });
  if (drops.length > 0) {
    const s = head;
    ctx.beginPath();
    for (const [x, y] of drops) {
      ctx.moveTo(x - s, y - s);
      ctx.lineTo(x + s, y + s);
      ctx.moveTo(x + s, y - s);
      ctx.lineTo(x - s, y + s);
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = DROPPED_COLOR;
    ctx.stroke();
  }
}

function drawNodes(ctx: CanvasRenderingContext2D, d: DrawInput): void {
  const { frame: f, layout, at, theme } = d;
  const n = f.alive.length;
  let live = 0;
  for (let i = 0; i < n; i++) live += f.alive[i];
  const X = (i: number): number => at.cx + layout.x[i] * at.r;
  const Y = (i: number): number => at.cy + layout.y[i] * at.r;
  const r = at.nr;
  const disc = (i: number, radius: number): void => {
    ctx.moveTo(X(i) + radius, Y(i));
    ctx.arc(X(i), Y(i), radius, 0, 2 * Math.PI);
  };
  if (f.partitioned) {
    for (let g = 1; g < 64; g++) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < n; i++) if (f.group[i] === g) {
        disc(i, r * 2 + 2);
        any = true;
      }
      if (!any) continue;
      ctx.globalAlpha = 0.3;
      ctx.fillStyle = groupColor(g);
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  }
  // Live nodes, one fill per bucket; the observers of a node are the other live nodes.
  for (let b = 0; b < WRONG_COLORS.length; b++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (f.alive[i] === 1 && wrongBucket(f.wronglyDead[i], live - 1) === b) disc(i, r);
    }
    ctx.fillStyle = WRONG_COLORS[b];
    ctx.fill();
    if (r >= 3) {
      ctx.lineWidth = 1;
      ctx.strokeStyle = ink(theme);
      ctx.stroke();
    }
  }
  // Crashed nodes: hollow with a cross, the ring in the colour of how many still think it alive.
  for (let b = 0; b < WRONG_COLORS.length; b++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (f.alive[i] !== 0 || wrongBucket(f.wronglyAlive[i], live) !== b) continue;
      const x = X(i), y = Y(i), c = r * 0.6;
      disc(i, r);
      ctx.moveTo(x - c, y - c);
      ctx.lineTo(x + c, y + c);
      ctx.moveTo(x + c, y - c);
      ctx.lineTo(x - c, y + c);
    }
    // Thin enough to stay hollow; a coloured ring gets an ink edge so yellow shows on white.
    const w = Math.max(1.2, Math.min(2.2, r * 0.22));
    if (b > 0) {
      ctx.lineWidth = w + 1.6;
      ctx.strokeStyle = ink(theme);
      ctx.stroke();
    }
    ctx.lineWidth = w;
    ctx.strokeStyle = b === 0 ? ink(theme) : WRONG_COLORS[b];
    ctx.stroke();
  }
  ctx.beginPath();
  for (let i = 0; i < n; i++) if (f.suspected[i] > 0) disc(i, r + Math.max(3.5, r * 0.6));
  ctx.setLineDash([4, 2.5]);
  ctx.lineWidth = r >= 4 ? 2.5 : 1.5;
  ctx.strokeStyle = SUSPECT_RING;
  ctx.stroke();
  ctx.setLineDash([]);
  if (d.selected !== null && d.selected < n) {
    ctx.beginPath();
    disc(d.selected, r + Math.max(5, r * 0.8));
    ctx.lineWidth = 3;
    ctx.strokeStyle = ink(theme);
    ctx.stroke();
  }
  if (d.labels) drawLabels(ctx, d, X, Y);
}

function drawLabels(ctx: CanvasRenderingContext2D, d: DrawInput, X: (i: number) => number, Y: (i: number) => number): void {
  const n = d.frame.alive.length;
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.fillStyle = d.theme === 'dark' ? '#E5E7EB' : '#374151';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const push = d.at.nr + 11;
  for (let i = 0; i < n; i++) {
    const ux = d.layout.x[i], uy = d.layout.y[i];
    ctx.fillText(String(i), X(i) + ux * push, Y(i) + uy * push);
  }
}

export function drawMembershipGraph(ctx: CanvasRenderingContext2D, d: DrawInput): void {
  drawMessages(ctx, d);
  drawNodes(ctx, d);
}
