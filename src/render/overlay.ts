import type { CutMark } from './cut-marks';
import type { Scene } from './scene';

/**
 * The vector layer over the pixel buffer: node labels, the marks of one-way cuts and lossy
 * links, the split line or lasso being drawn, and the mode hint.
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, scene: Scene, dpr: number, w: number, h: number): void {
  ctx.save();
  ctx.scale(dpr, dpr);
  const { colors } = scene;
  if (scene.labels) {
    const t = scene.transform;
    ctx.font = `600 ${scene.labelPx}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = colors.text;
    const off = scene.nodeRadius + scene.labelPx * 0.8;
    const c = scene.labelCentre;
    for (let i = 0; i < scene.pos.n; i++) {
      const x = scene.pos.x[i] * t.k + t.x, y = scene.pos.y[i] * t.k + t.y;
      if (x < -20 || y < -20 || x > w + 20 || y > h + 20) continue;
      if (!c) {
        ctx.fillText(String(i), x, y - off);
        continue;
      }
      const dx = scene.pos.x[i] - c[0], dy = scene.pos.y[i] - c[1], d = Math.hypot(dx, dy) || 1;
      ctx.fillText(String(i), x + (dx / d) * (off + 2), y + (dy / d) * (off + 2));
    }
  }
  for (const mark of scene.cuts) drawCutMark(ctx, scene, mark);
  drawGesture(ctx, scene, w, 28);
  ctx.restore();
}

/** What a drawn gesture needs: the colours, the split line or lasso being drawn, and the mode's instruction. */
export type Gesture = Pick<Scene, 'colors' | 'splitLine' | 'lassoPath' | 'hint'>;

/**
 * The split line being dragged (dashed, with round ends), the lasso being drawn (dashed, closed
 * back to its start, lightly filled), and the mode's instruction in a box centred at `hintY`,
 * on a `w` CSS px wide canvas. Both drawings show them alike.
 */
export function drawGesture(ctx: CanvasRenderingContext2D, g: Gesture, w: number, hintY: number): void {
  const { colors } = g;
  if (g.splitLine) {
    const [ax, ay, bx, by] = g.splitLine;
    ctx.lineWidth = 3;
    ctx.setLineDash([10, 6]);
    ctx.strokeStyle = colors.text;
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const [x, y] of [[ax, ay], [bx, by]]) {
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.fillStyle = colors.text;
      ctx.fill();
    }
  }
  const path = g.lassoPath;
  if (path && path.length >= 4) {
    ctx.beginPath();
    ctx.moveTo(path[0], path[1]);
    for (let i = 2; i < path.length; i += 2) ctx.lineTo(path[i], path[i + 1]);
    ctx.closePath();
    ctx.globalAlpha = 0.08;
    ctx.fillStyle = colors.text;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2.5;
    ctx.setLineDash([8, 5]);
    ctx.strokeStyle = colors.text;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (g.hint) {
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const tw = ctx.measureText(g.hint).width;
    const bw = Math.min(w - 16, tw + 28), bh = 34, x = w / 2;
    textBox(ctx, colors, x - bw / 2, hintY - bh / 2, bw, bh, 8);
    ctx.fillStyle = colors.text;
    ctx.fillText(g.hint, x, hintY, w - 32);
  }
}

/**
 * A one-way cut: between the two groups, a solid arrow the way messages still go and a
 * dashed, crossed-out arrow the way they are dropped (shape, not only colour, tells them
 * apart). A lossy link: its loss, written on the boundary.
 */
function drawCutMark(ctx: CanvasRenderingContext2D, scene: Scene, m: CutMark): void {
  const t = scene.transform, { colors } = scene;
  const ax = m.fx * t.k + t.x, ay = m.fy * t.k + t.y, bx = m.tx * t.k + t.x, by = m.ty * t.k + t.y;
  const len = Math.hypot(bx - ax, by - ay);
  if (len < 1) return;
  const ux = (bx - ax) / len, uy = (by - ay) / len, px = -uy, py = ux;
  const cx = (ax + bx) / 2, cy = (ay + by) / 2;
  ctx.font = '700 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (m.kind === 'loss') {
    // Above the boundary's middle, clear of a one-way mark's arrows and label below it.
    pill(ctx, m.label, cx, cy - 40, colors);
    return;
  }
  const half = Math.max(28, Math.min(46, len / 3)), gap = 10;
  const arrow = (sx: number, sy: number, ex: number, ey: number, color: string, dashed: boolean) => {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 3.5;
    ctx.setLineDash(dashed ? [7, 5] : []);
    ctx.beginPath();
    ctx.moveTo(sx, sy);
    ctx.lineTo(ex, ey);
    ctx.stroke();
    ctx.setLineDash([]);
  };
  const backdrop = (x: number, y: number) => {
    ctx.fillStyle = colors.hintBackground;
    ctx.beginPath();
    ctx.roundRect(x - half - 12, y - gap - 9, 2 * half + 24, 2 * gap + 18, 8);
    ctx.fill();
  };
  backdrop(cx, cy);
  // Dropped way (from → to): dashed, ending in an ×.
  const d0x = cx - ux * half + px * gap, d0y = cy - uy * half + py * gap;
  const d1x = cx + ux * half + px * gap, d1y = cy + uy * half + py * gap;
  arrow(d0x, d0y, d1x, d1y, colors.droppedCss, true);
  ctx.lineWidth = 3;
  ctx.strokeStyle = colors.droppedCss;
  ctx.beginPath();
  ctx.moveTo(d1x - 6, d1y - 6);
  ctx.lineTo(d1x + 6, d1y + 6);
  ctx.moveTo(d1x - 6, d1y + 6);
  ctx.lineTo(d1x + 6, d1y - 6);
  ctx.stroke();
  // Open way (to → from): solid with a head.
  const o0x = cx + ux * half - px * gap, o0y = cy + uy * half - py * gap;
  const o1x = cx - ux * half - px * gap, o1y = cy - uy * half - py * gap;
  arrow(o0x, o0y, o1x + ux * 8, o1y + uy * 8, colors.text, false);
  ctx.beginPath();
  ctx.moveTo(o1x, o1y);
  ctx.lineTo(o1x + ux * 12 + px * 7, o1y + uy * 12 + py * 7);
  ctx.lineTo(o1x + ux * 12 - px * 7, o1y + uy * 12 - py * 7);
  ctx.closePath();
  ctx.fillStyle = colors.text;
  ctx.fill();
  const open = Math.abs(ux) >= Math.abs(uy) ? (ux >= 0 ? '←' : '→') : (uy >= 0 ? '↑' : '↓');
  pill(ctx, `${m.label}: ${open} only`, cx, cy + gap + 26, colors);
}

/** A rounded box for text over the graph: the hint background, ringed by a 1-px line in the text colour. */
export function textBox(ctx: CanvasRenderingContext2D, colors: Scene['colors'], x: number, y: number, w: number, h: number, radius: number): void {
  ctx.fillStyle = colors.hintBackground;
  ctx.strokeStyle = colors.text;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, radius);
  ctx.fill();
  ctx.stroke();
}

function pill(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, colors: Scene['colors']): void {
  const w = ctx.measureText(text).width + 16;
  textBox(ctx, colors, x - w / 2, y - 11, w, 22, 6);
  ctx.fillStyle = colors.text;
  ctx.fillText(text, x, y);
}
