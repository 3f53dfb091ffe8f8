import { memo, useMemo, type JSX } from 'react';
import { line, scaleLinear } from 'd3';
import { Axes } from '../charts/Axes';
import { chartFrame, MARGIN, roundScale } from '../charts/chart-data';
import { CHART_INK } from '../charts/chart-theme';
import { Legend, type LegendItem } from '../charts/Legend';
import { useElementWidth } from '../charts/useElementWidth';
import { bucketMax, type Pt } from './chart-series';

export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: readonly Pt[];
}

interface Props {
  series: ChartSeries[];
  yLabel: string;
  /** Sentence read by screen readers (the chart is an image to them). */
  summary: string;
  theme: 'light' | 'dark';
  height?: number;
  /** A round to mark with a vertical rule (e.g. the heal). */
  marker?: { round: number; label: string } | null;
  yFormat?: (v: number) => string;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Lines over rounds, in the style of the dissemination charts (same axes, legend and ink). */
export const MembershipLineChart = memo(function MembershipLineChart({ series, yLabel, summary, theme, height = 150, marker = null, yFormat }: Props): JSX.Element {
  const [ref, width] = useElementWidth<HTMLDivElement>(240);
  const frame = chartFrame(width, height);
  const maxRound = series.reduce((m, s) => Math.max(m, s.points[s.points.length - 1]?.round ?? 0), marker?.round ?? 0);
  const top = series.reduce((m, s) => s.points.reduce((a, p) => Math.max(a, p.value), m), 0);
  const x = useMemo(() => roundScale(maxRound, frame.innerW), [maxRound, frame.innerW]);
  const y = useMemo(() => scaleLinear().domain([0, Math.max(1, top)]).range([frame.innerH, 0]).nice(), [top, frame.innerH]);
  const paths = useMemo(() => {
    const maxPts = Math.max(2, Math.floor(frame.innerW));
    const gen = line<Pt>().x((p) => x(p.round)).y((p) => y(p.value));
    return series.map((s) => gen(bucketMax(s.points, maxPts)) ?? '');
  }, [series, x, y, frame.innerW]);
  const legend: LegendItem[] = series.map((s) => ({ label: s.label, color: s.color, shape: s.dashed ? 'dashed' : 'line' }));
  const ink = CHART_INK[theme];
  return (
    <figure ref={ref} className="m-0 flex w-full min-w-0 flex-col gap-1">
      <Legend items={legend} theme={theme} />
      <svg role="img" aria-label={summary} width={width} height={height} className="block overflow-visible">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <Axes frame={frame} x={x} y={y} xLabel="Round" yLabel={yLabel} yFormat={yFormat ?? ((v) => compact.format(v))} theme={theme} />
          {marker && (
            <g transform={`translate(${x(marker.round)},0)`}>
              <line y2={frame.innerH} stroke={ink.axis} strokeDasharray="3 3" />
              <text x={4} y={10} fontSize={12} fill={ink.text}>{marker.label}</text>
            </g>
          )}
          {series.map((s, i) => (
            <path key={s.label} d={paths[i]} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dashed ? '6 4' : undefined} />
          ))}
        </g>
      </svg>
    </figure>
  );
});
