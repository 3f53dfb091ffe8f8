import { memo, useMemo, type JSX } from 'react';
import { scaleLinear } from 'd3';
import { palette } from '../../theme/palette';
import { Axes } from './Axes';
import { ChartCursor } from './ChartCursor';
import { chartFrame, MARGIN, messageBuckets, roundScale, stackedStepPaths } from './chart-data';
import { Legend, type LegendItem } from './Legend';
import { useElementWidth } from './useElementWidth';

export interface MessagesChartProps {
  /** Per round; `delivered` includes the redundant deliveries (as in RoundMetrics). */
  points: { round: number; delivered: number; dropped: number; redundant: number }[];
  theme: 'light' | 'dark';
  /** The round shown while looking back (marked on the plot), or null. */
  cursor?: number | null;
}

const HEIGHT = 200;
const LEGEND: LegendItem[] = [
  { label: 'Delivered', color: palette.chart.delivered, shape: 'box' },
  { label: 'Redundant', color: palette.chart.redundant, shape: 'box' },
  { label: 'Dropped', color: palette.chart.dropped, shape: 'box' },
];

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Messages per round, stacked: delivered (useful or empty), redundant, dropped; the stack is all sent. */
export const MessagesChart = memo(function MessagesChart({ points, theme, cursor = null }: MessagesChartProps): JSX.Element {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const frame = chartFrame(width, HEIGHT);
  const last = points[points.length - 1];
  const maxRound = last?.round ?? 0;
  // Bars while each gets ≥ 4 px, then buckets averaged into step areas.
  const maxBars = Math.max(1, Math.floor(frame.innerW / 4));
  const buckets = useMemo(() => messageBuckets(points, maxBars), [points, maxBars]);
  const top = useMemo(() => buckets.reduce((m, b) => Math.max(m, b.useful + b.redundant + b.dropped), 0), [buckets]);
  const x = useMemo(() => roundScale(maxRound + 1, frame.innerW), [maxRound, frame.innerW]);
  const y = useMemo(() => scaleLinear().domain([0, Math.max(1, top)]).range([frame.innerH, 0]).nice(), [top, frame.innerH]);
  const asBars = points.length <= maxBars;
  const areas = useMemo(() => (asBars ? null : stackedStepPaths(buckets, x, y)), [asBars, buckets, x, y]);

  const label = last
    ? `Messages in round ${last.round}: ${last.delivered} delivered (${last.redundant} of them redundant), ${last.dropped} dropped.`
    : 'Messages per round: no rounds yet.';
  const barW = Math.max(1, x(1) - x(0) - 1);

  return (
    <figure ref={ref} className="m-0 flex w-full flex-col gap-1">
      <Legend items={LEGEND} theme={theme} />
      <svg role="img" aria-label={label} width={width} height={HEIGHT} className="block overflow-visible">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <Axes frame={frame} x={x} y={y} xLabel="Round" yLabel="Messages" yFormat={(v) => compact.format(v)} integerY theme={theme} />
          {areas ? (
            <>
              <path d={areas[0]} fill={palette.chart.delivered} />
              <path d={areas[1]} fill={palette.chart.redundant} />
              <path d={areas[2]} fill={palette.chart.dropped} />
            </>
          ) : (
            buckets.map((b) => {
              const x0 = x(b.from) + 0.5;
              const y1 = y(b.useful), y2 = y(b.useful + b.redundant), y3 = y(b.useful + b.redundant + b.dropped);
              return (
                <g key={b.from}>
                  <rect x={x0} y={y1} width={barW} height={frame.innerH - y1} fill={palette.chart.delivered} />
                  <rect x={x0} y={y2} width={barW} height={y1 - y2} fill={palette.chart.redundant} />
                  <rect x={x0} y={y3} width={barW} height={y2 - y3} fill={palette.chart.dropped} />
                </g>
              );
            })
          )}
          <ChartCursor round={cursor} x={x} height={frame.innerH} theme={theme} />
        </g>
      </svg>
    </figure>
  );
});
