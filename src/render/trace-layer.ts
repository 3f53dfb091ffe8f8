import { okabeIto, palette } from '../theme/palette';
import type { MessageFate, TraceHighlight } from '../view/trace-highlight';
import type { Scene } from './scene';

/**
 * Who told whom over the graph, as vector strokes on top of the pixel layer: the spread tree
 * (thin blue arrows, child ← parent), the selected node's path from the writer (thick purple
 * arrows, each hop's round in a badge), a message hovered in the space-time diagram (in the
 * diagram's own dash for its fate) and a hand-played round's sender and picks. Shapes — width,
 * dash, arrowheads, badges — tell them apart as well as hue does.
 */
export function drawTraceLayer(ctx: CanvasRenderingContext2D, scene: Scene, h: TraceHighlight, dpr: number): void {
  ctx.save();
  ctx.scale(dpr, dpr);
  const r = scene.nodeRadius;
  if (h.tree) strokePairs(ctx, scene, h.tree, { color: palette.latest, width: 2, alpha: 0.7, head: Math.max(5, r * 0.9), dash: [], halo: null });
  if (h.path) {
    strokePairs(ctx, scene, h.path, { color: palette.selected, width: 4.5, alpha: 1, head: Math.max(8, r * 1.3), dash: [], halo: scene.colors.backgroundCss });
    if (h.pathRounds) roundBadges(ctx, scene, h.path, h.pathRounds);
  }
  if (h.hand) {
    strokePairs(ctx, scene, h.hand.picks, { color: okabeIto.bluishGreen, width: 4, alpha: 1, head: Math.max(8, r * 1.3), dash: [], halo: scene.colors.backgroundCss });
    if (h.hand.sender !== null) ringNode(ctx, scene, h.hand.sender, okabeIto.bluishGreen);
  }
  if (h.message) {
    const m = h.message;
    strokePairs(ctx, scene, Int32Array.of(m.from, m.to), { ...FATE_STROKE[m.fate], head: Math.max(8, r * 1.3), halo: scene.colors.backgroundCss, alpha: 1 });
  }
  ctx.restore();
}

/** The space-time diagram's strokes, repeated here so a hovered message looks the same in both views. */
const FATE_STROKE: Record<MessageFate, { color: string; width: number; dash: number[] }> = {
  useful: { color: palette.message.useful, width: 5, dash: [] },
  redundant: { color: palette.message.redundant, width: 5, dash: [10, 6] },
  dropped: { color: palette.message.dropped, width: 5, dash: [3, 5] },
};

interface Stroke {
  color: string;
  width: number;
  alpha: number;
  /** Arrowhead length in px. */
  head: number;
  dash: number[];
  /** A wider stroke of this colour under the line, so it reads over links and nodes. */
  halo: string | null;
}

function strokePairs(ctx: CanvasRenderingContext2D, scene: Scene, pairs: Int32Array, s: Stroke): void {
  const { pos, transform: t } = scene;
  const r = scene.nodeRadius;
  ctx.globalAlpha = s.alpha;
  ctx.lineCap = 'round';
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const a = pairs[i], b = pairs[i + 1];
    if (a < 0 || b < 0 || a >= pos.n || b >= pos.n || a === b) continue;
    const ax = pos.x[a] * t.k + t.x, ay = pos.y[a] * t.k + t.y;
    const bx = pos.x[b] * t.k + t.x, by = pos.y[b] * t.k + t.y;
    const d = Math.hypot(bx - ax, by - ay);
    if (d < 1) continue;
    const ux = (bx - ax) / d, uy = (by - ay) / d;
    // From the sender's edge to the receiver's edge, so the arrowhead is not hidden by the disc.
    const sx = ax + ux * r, sy = ay + uy * r, ex = bx - ux * (r + 1), ey = by - uy * (r + 1);
    for (const pass of s.halo ? [0, 1] : [1]) {
      ctx.strokeStyle = pass === 0 ? s.halo! : s.color;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = pass === 0 ? s.width + 4 : s.width;
      ctx.setLineDash(pass === 0 ? [] : s.dash);
      ctx.beginPath();
      ctx.moveTo(sx, sy);
      ctx.lineTo(ex - ux * s.head * 0.6, ey - uy * s.head * 0.6);
      ctx.stroke();
      ctx.setLineDash([]);
      const hl = s.head + (pass === 0 ? 3 : 0), hw = hl * 0.55;
      ctx.beginPath();
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - ux * hl - uy * hw, ey - uy * hl + ux * hw);
      ctx.lineTo(ex - ux * hl + uy * hw, ey - uy * hl - ux * hw);
      ctx.closePath();
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
}

/** Each hop's round in a small badge at the middle of its arrow: the path reads round by round. */
function roundBadges(ctx: CanvasRenderingContext2D, scene: Scene, pairs: Int32Array, rounds: Int32Array): void {
  const { pos, transform: t } = scene;
  ctx.font = '700 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < rounds.length && 2 * i + 1 < pairs.length; i++) {
    const a = pairs[2 * i], b = pairs[2 * i + 1];
    if (a < 0 || b < 0 || a >= pos.n || b >= pos.n) continue;
    const x = ((pos.x[a] + pos.x[b]) / 2) * t.k + t.x, y = ((pos.y[a] + pos.y[b]) / 2) * t.k + t.y;
    const text = String(rounds[i]);
    const w = Math.max(20, ctx.measureText(text).width + 10), hgt = 20;
    ctx.fillStyle = palette.selected;
    ctx.strokeStyle = scene.colors.backgroundCss;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.roundRect(x - w / 2, y - hgt / 2, w, hgt, 10);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#000000';
    ctx.fillText(text, x, y + 0.5);
  }
}

function ringNode(ctx: CanvasRenderingContext2D, scene: Scene, node: number, color: string): void {
  const { pos, transform: t } = scene;
  if (node < 0 || node >= pos.n) return;
  const x = pos.x[node] * t.k + t.x, y = pos.y[node] * t.k + t.y;
  ctx.strokeStyle = color;
  ctx.lineWidth = 4;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.arc(x, y, scene.nodeRadius + 7, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
}
