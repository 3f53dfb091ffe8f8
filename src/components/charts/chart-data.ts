import { area, line, scaleLinear, type ScaleLinear } from 'd3';

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

/** Rounds 0..max on x; at least 10 rounds wide so a fresh run is not stretched across the plot. */
export function roundScale(maxRound: number, innerW: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(10, maxRound)]).range([0, innerW]).nice();
}

/**
 * At most `max` points, evenly strided, always keeping the first and the last: a few thousand
 * rounds in a 300-px chart need no more than ~2 points per pixel.
 */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max || max < 2) return points.slice();
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]);
  return out;
}

export function informedPath(points: readonly { round: number; fraction: number }[], x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): string {
  return (
    line<{ round: number; fraction: number }>()
      .x((p) => x(p.round))
      .y((p) => y(Math.min(1, Math.max(0, p.fraction))))
      .defined((p) => Number.isFinite(p.fraction))(points) ?? ''
  );
}

export interface MessageBucket {
  /** First and last round of the bucket. */
  from: number;
  to: number;
  /** Mean per round over the bucket. */
  useful: number;
  redundant: number;
  dropped: number;
}

/**
 * Per-round message counts grouped into at most `max` buckets (means per round), split into
 * stacked parts: delivered and not redundant, redundant, dropped. `delivered` counts the
 * redundant messages too (as RoundMetrics does), so they are taken out of it.
 */
export function messageBuckets(points: readonly { round: number; delivered: number; dropped: number; redundant: number }[], max: number): MessageBucket[] {
  const size = Math.max(1, Math.ceil(points.length / Math.max(1, max)));
  const out: MessageBucket[] = [];
  for (let s = 0; s < points.length; s += size) {
    const end = Math.min(points.length, s + size);
    let useful = 0, redundant = 0, dropped = 0;
    for (let i = s; i < end; i++) {
      const p = points[i];
      const red = Math.max(0, p.redundant);
      useful += Math.max(0, p.delivered - red);
      redundant += red;
      dropped += Math.max(0, p.dropped);
    }
    const c = end - s;
    out.push({ from: points[s].round, to: points[end - 1].round, useful: useful / c, redundant: redundant / c, dropped: dropped / c });
  }
  return out;
}

/** Stacked areas (step-shaped) for many buckets, where bars would be thinner than a pixel. */
export function stackedStepPaths(buckets: readonly MessageBucket[], x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): [string, string, string] {
  const layer = (lo: (b: MessageBucket) => number, hi: (b: MessageBucket) => number) =>
    area<MessageBucket>()
      .x((b) => x(b.from))
      .y0((b) => y(lo(b)))
      .y1((b) => y(hi(b)))(buckets.flatMap((b) => [b, { ...b, from: b.to + 1 }])) ?? '';
  return [
    layer(() => 0, (b) => b.useful),
    layer((b) => b.useful, (b) => b.useful + b.redundant),
    layer((b) => b.useful + b.redundant, (b) => b.useful + b.redundant + b.dropped),
  ];
}

export function percent(f: number): string {
  return `${Math.round(Math.min(1, Math.max(0, f)) * 100)}%`;
}
