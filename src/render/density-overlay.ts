import { formatNumber, i18next } from '../i18n';
import type { NodeFrame } from '../view/frame-source';
import { unpack, type Packed } from './colors';
import { drawGesture, textBox, type Gesture } from './overlay';

/**
 * The density view's vector layer: the round's messages in aggregate — one bar split into
 * useful (taught something), redundant and dropped, with the counts — the colour key of the
 * pixels, a hint line, and the split line or lasso being drawn. A million messages a round
 * cannot fly one by one; their flow per round is what the room can read.
 */

export interface FlowLabels {
  /** Colour and words of each pixel colour. */
  legend: readonly (readonly [Packed, string])[];
  hint: string;
}

/** The round's frame and the canvas, plus the gesture being drawn (its hint: the split or lasso mode's instruction). */
export interface FlowInput extends Gesture {
  frame: NodeFrame | null;
  dpr: number;
  width: number;
  height: number;
  labels: FlowLabels;
}

const css = (c: Packed): string => {
  const [r, g, b] = unpack(c);
  return `rgb(${r}, ${g}, ${b})`;
};

/** The aggregate of a round's messages: useful, redundant and dropped counts. */
function roundFlow(m: NodeFrame['metrics']): { sent: number; useful: number; redundant: number; dropped: number } {
  const dropped = m.droppedLoss + m.droppedPartition + m.droppedDead;
  return { sent: m.sent, useful: Math.max(0, m.delivered - m.redundant), redundant: m.redundant, dropped };
}

function countLabels(m: NodeFrame['metrics']): string[] {
  const f = roundFlow(m);
  return [
    i18next.t('scale:flow.useful', { count: formatNumber(f.useful) }),
    i18next.t('scale:flow.redundant', { count: formatNumber(f.redundant) }),
    i18next.t('scale:flow.dropped', { count: formatNumber(f.dropped) }),
  ];
}

export function drawFlow(ctx: CanvasRenderingContext2D, input: FlowInput): void {
  const { colors, dpr, frame, labels } = input;
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  // Wide enough for the three counts on one line (a million messages: seven-digit numbers).
  ctx.font = '12px system-ui, sans-serif';
  const countsW = frame ? countLabels(frame.metrics).reduce((w, t) => w + 21 + ctx.measureText(t).width, 0) : 0;
  const panelW = Math.min(Math.max(300, countsW + 20), input.width - 16);
  const x0 = 8, y0 = 8;
  const legendRows = Math.ceil(labels.legend.length / 2);
  const panelH = 64 + legendRows * 20;
  textBox(ctx, colors, x0, y0, panelW, panelH, 8);
  ctx.fillStyle = colors.text;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.font = '600 14px system-ui, sans-serif';
  const barX = x0 + 10, barW = panelW - 20;
  if (frame && frame.metrics.sent > 0) {
    const f = roundFlow(frame.metrics);
    ctx.fillText(i18next.t('scale:flow.title', { round: frame.round, sent: formatNumber(f.sent) }), barX, y0 + 8, barW);
    // One bar: its parts' widths are the shares of the round's messages.
    const [usefulText, redundantText, droppedText] = countLabels(frame.metrics);
    const parts: [number, Packed, string][] = [
      [f.useful, colors.useful, usefulText],
      [f.redundant, colors.redundant, redundantText],
      [f.dropped, colors.dropped, droppedText],
    ];
    const total = Math.max(1, f.useful + f.redundant + f.dropped);
    let x = barX;
    for (const [count, color] of parts) {
      const w = (count / total) * barW;
      ctx.fillStyle = css(color);
      ctx.fillRect(x, y0 + 28, w, 10);
      x += w;
    }
    ctx.strokeStyle = colors.text;
    ctx.strokeRect(barX, y0 + 28, barW, 10);
    ctx.font = '12px system-ui, sans-serif';
    let tx = barX;
    for (const [, color, text] of parts) {
      ctx.fillStyle = css(color);
      ctx.fillRect(tx, y0 + 44, 8, 8);
      ctx.fillStyle = colors.text;
      ctx.fillText(text, tx + 11, y0 + 42);
      tx += 11 + ctx.measureText(text).width + 10;
    }
  } else {
    ctx.fillText(i18next.t('scale:flow.none', { round: frame?.round ?? 0 }), barX, y0 + 8, barW);
  }
  ctx.font = '13px system-ui, sans-serif';
  labels.legend.forEach(([color, text], i) => {
    const lx = barX + (i % 2) * (barW / 2), ly = y0 + 62 + Math.floor(i / 2) * 20;
    ctx.fillStyle = css(color);
    ctx.fillRect(lx, ly + 2, 12, 12);
    ctx.strokeStyle = colors.text;
    ctx.strokeRect(lx, ly + 2, 12, 12);
    ctx.fillStyle = colors.text;
    ctx.fillText(text, lx + 17, ly + 1, barW / 2 - 20);
  });
  // The hint at the bottom left, clear of the zoom buttons at the bottom right.
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  const hw = Math.min(input.width - 180, ctx.measureText(labels.hint).width + 16);
  ctx.fillStyle = colors.hintBackground;
  ctx.fillRect(8, input.height - 30, hw, 22);
  ctx.fillStyle = colors.text;
  ctx.fillText(labels.hint, 16, input.height - 12, hw - 16);
  drawGesture(ctx, input, input.width, input.height - 60);
  ctx.restore();
}
