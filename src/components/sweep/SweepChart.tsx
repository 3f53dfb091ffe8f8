import { memo, useMemo, type JSX } from 'react';
import { area, line, scaleLinear } from 'd3';
import { PARAM_SPECS, type SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';
import type { Band, PointSummary } from '../../lab/sweep-stats';
import { palette } from '../../theme/palette';
import { chartFrame, MARGIN } from '../charts/chart-data';
import { CHART_INK, FONT } from '../charts/chart-theme';
import { Legend, type LegendItem } from '../charts/Legend';
import { useElementWidth } from '../charts/useElementWidth';
import { sweepX } from './sweep-scales';

export type SweepMetric = 'rounds' | 'messages';

interface SweepChartProps {
  param: SweepParam;
  planned: readonly SweepPoint[];
  points: readonly (PointSummary | null)[];
  metric: SweepMetric;
  theme: 'light' | 'dark';
}

const HEIGHT = 210;
const TITLE: Record<SweepMetric, string> = { rounds: 'Rounds to converge', messages: 'Messages per node' };
const theoryOf = (p: PointSummary, metric: SweepMetric): number | null => (metric === 'rounds' ? p.theory.rounds : p.theory.messages);

interface Row { x: number; b: Band; theory: number | null; meanField: number | null; label: string }

/** Per point: the median (line and dots), the 5–95 % band of the trials, and theory (dashed) where there is one. */
export const SweepChart = memo(function SweepChart({ param, planned, points, metric, theme }: SweepChartProps): JSX.Element {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const frame = chartFrame(width, HEIGHT);
  const ink = CHART_INK[theme];
  const x = useMemo(() => sweepX(param, planned, frame.innerW), [param, planned, frame.innerW]);
  // The literature's counts assume no loss; under loss the mean-field count (which has it) is drawn too.
  const lossy = metric === 'rounds' && planned.some((p) => p.config.loss > 0);
  const rows = useMemo(() => points.flatMap((p): Row[] => {
    const b = p?.[metric];
    const meanField = lossy ? p?.theory.meanFieldRounds ?? null : null;
    return p && b ? [{ x: x.at(p), b, theory: theoryOf(p, metric), meanField, label: p.label }] : [];
  }), [points, lossy, metric, x]);
  const top = rows.reduce((m, r) => Math.max(m, r.b.p95, r.theory ?? 0, r.meanField ?? 0), 0);
  const y = useMemo(() => scaleLinear().domain([0, Math.max(1, top)]).range([frame.innerH, 0]).nice(), [top, frame.innerH]);
  const band = area<Row>().x((r) => r.x).y0((r) => y(r.b.p5)).y1((r) => y(r.b.p95))(rows) ?? '';
  const median = line<Row>().x((r) => r.x).y((r) => y(r.b.p50))(rows) ?? '';
  const withTheory = rows.filter((r) => r.theory !== null);
  const theory = line<Row>().x((r) => r.x).y((r) => y(r.theory!))(withTheory) ?? '';
  const withMeanField = rows.filter((r) => r.meanField !== null);
  const meanField = line<Row>().x((r) => r.x).y((r) => y(r.meanField!))(withMeanField) ?? '';
  const legend: LegendItem[] = [
    { label: 'Median', color: palette.chart.informed, shape: 'line' },
    { label: '5–95 % of trials', color: `${palette.chart.informed}55`, shape: 'box' },
    ...(withTheory.length > 0 ? [{ label: metric === 'rounds' ? 'Theory (literature, no loss)' : 'Theory (Demers et al.)', color: palette.chart.theory, shape: 'dashed' as const }] : []),
    ...(withMeanField.length > 0 ? [{ label: 'Mean field (with loss)', color: palette.chart.dropped, shape: 'dashed' as const }] : []),
  ];
  const description = rows.length === 0
    ? `${TITLE[metric]} per ${PARAM_SPECS[param].label.toLowerCase()}: no points yet.`
    : `${TITLE[metric]}, median per ${PARAM_SPECS[param].label.toLowerCase()}: ${rows.map((r) => `${r.label} → ${+r.b.p50.toFixed(2)}`).join(', ')}.`;
  return (
    <figure ref={ref} className="m-0 flex w-full min-w-0 flex-col gap-1">
      <figcaption className="text-sm font-bold">{TITLE[metric]}</figcaption>
      <Legend items={legend} theme={theme} />
      <svg role="img" aria-label={description} width={width} height={HEIGHT} className="block overflow-visible">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`} fontSize={FONT.tick} fill={ink.text}>
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x2={frame.innerW} stroke={ink.grid} />
              <text x={-8} dy="0.32em" textAnchor="end">{t}</text>
            </g>
          ))}
          <line y1={frame.innerH} x2={frame.innerW} y2={frame.innerH} stroke={ink.axis} />
          {x.ticks.map((t) => (
            <g key={t.text} transform={`translate(${t.x},${frame.innerH})`}>
              <line y2={5} stroke={ink.axis} />
              <text y={18} textAnchor="middle">{t.text}</text>
            </g>
          ))}
          <text x={frame.innerW / 2} y={frame.innerH + MARGIN.bottom - 4} textAnchor="middle" fontSize={FONT.label} fontWeight={600}>
            {PARAM_SPECS[param].label}{PARAM_SPECS[param].unit.includes('%') ? ' (%)' : ''}
          </text>
          {!x.categorical && <path d={band} fill={palette.chart.informed} fillOpacity={0.2} />}
          {rows.map((r) => (
            <line key={`w${r.label}`} x1={r.x} x2={r.x} y1={y(r.b.p5)} y2={y(r.b.p95)} stroke={palette.chart.informed} strokeWidth={x.categorical ? 3 : 1} strokeOpacity={0.6} />
          ))}
          {!x.categorical && <path d={median} fill="none" stroke={palette.chart.informed} strokeWidth={2.5} />}
          {rows.map((r) => <circle key={`m${r.label}`} cx={r.x} cy={y(r.b.p50)} r={4} fill={palette.chart.informed} />)}
          {!x.categorical && withTheory.length > 1 && <path d={theory} fill="none" stroke={palette.chart.theory} strokeWidth={2} strokeDasharray="6 4" />}
          {!x.categorical && withMeanField.length > 1 && <path d={meanField} fill="none" stroke={palette.chart.dropped} strokeWidth={2} strokeDasharray="2 3" />}
          {withMeanField.map((r) => <rect key={`f${r.label}`} x={r.x - 4} y={y(r.meanField!) - 1.5} width={8} height={3} fill={palette.chart.dropped} />)}
          {withTheory.map((r) => <rect key={`t${r.label}`} x={r.x - 4} y={y(r.theory!) - 1.5} width={8} height={3} fill={palette.chart.theory} />)}
        </g>
      </svg>
    </figure>
  );
});
