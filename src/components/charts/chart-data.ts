import { scaleLinear } from 'd3';
import { formatNumber, locale } from '../../i18n';

/** Margins of every chart, in px: room for tick labels (≥ 12 px text) and axis titles. */
export const MARGIN = { top: 12, right: 14, bottom: 40, left: 56 } as const;

export interface Frame {
  width: number;
  height: number;
  /** Plot area inside the margins. */
  innerW: number;
  innerH: number;
}

export function chartFrame(width: number, height: number): Frame {
  return { width, height, innerW: Math.max(10, width - MARGIN.left - MARGIN.right), innerH: Math.max(10, height - MARGIN.top - MARGIN.bottom) };
}

/** A point of a series; `y0` is the lower edge of a filled series (a band, a stacked layer). */
export interface ChartPoint {
  x: number;
  y: number;
  y0?: number;
}

/** Where a value sits on the plot's x axis, and the ticks to draw. */
export interface XAxis {
  at(x: number): number;
  ticks: { x: number; text: string }[];
  /** Categories get whiskers and dots only: a line between protocols would invent values between them. */
  categorical?: boolean;
}

/** Rounds 0..max on x; at least 10 rounds wide so a fresh run is not stretched across the plot. */
export function roundAxis(maxRound: number, innerW: number): XAxis {
  const x = scaleLinear().domain([0, Math.max(10, maxRound)]).range([0, innerW]).nice();
  const ticks = x.ticks(Math.max(2, Math.floor(innerW / 70))).filter(Number.isInteger);
  return { at: x, ticks: ticks.map((t) => ({ x: x(t), text: formatNumber(t) })) };
}

/**
 * At most `max` points, merged in buckets of consecutive points. A line keeps each bucket's
 * largest value (so one false positive in a long run still shows as a spike, and a rising
 * informed curve keeps its end); a filled series keeps the bucket's means (stacked layers stay
 * stacked, and their total is the mean traffic per round).
 */
export function reducePoints(points: readonly ChartPoint[], max: number, filled: boolean): ChartPoint[] {
  if (points.length <= max || max < 1) return points.slice();
  const size = Math.ceil(points.length / max);
  const out: ChartPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const end = Math.min(points.length, i + size);
    if (filled) {
      let y = 0, y0 = 0;
      for (let j = i; j < end; j++) {
        y += points[j].y;
        y0 += points[j].y0 ?? 0;
      }
      out.push({ x: points[i].x, y: y / (end - i), y0: y0 / (end - i) });
    } else {
      let best = points[i];
      for (let j = i + 1; j < end; j++) if (points[j].y > best.y) best = points[j];
      out.push({ x: points[end - 1].x, y: best.y });
    }
  }
  return out;
}

/** Per round, the three stacked layers of the messages chart: delivered and useful, redundant, dropped. */
export function stackMessages(points: readonly { round: number; delivered: number; dropped: number; redundant: number }[]): [ChartPoint[], ChartPoint[], ChartPoint[]] {
  const useful: ChartPoint[] = [], redundant: ChartPoint[] = [], dropped: ChartPoint[] = [];
  for (const p of points) {
    // `delivered` counts the redundant deliveries too (as RoundMetrics does): they are taken out.
    const red = Math.max(0, p.redundant), use = Math.max(0, p.delivered - red), top = use + red;
    useful.push({ x: p.round, y0: 0, y: use });
    redundant.push({ x: p.round, y0: use, y: top });
    dropped.push({ x: p.round, y0: top, y: top + Math.max(0, p.dropped) });
  }
  return [useful, redundant, dropped];
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Axis ticks of counts: 1.2K, 3M (per the page's language: 1.2万 in Chinese). */
export function formatCompact(v: number): string {
  const tag = locale();
  let f = compactFormats.get(tag);
  if (!f) compactFormats.set(tag, (f = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 })));
  return f.format(v);
}
