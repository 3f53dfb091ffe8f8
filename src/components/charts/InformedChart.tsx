import { memo, useMemo, type JSX } from 'react';
import { scaleLinear } from 'd3';
import { palette } from '../../theme/palette';
import { Axes } from './Axes';
import { ChartCursor } from './ChartCursor';
import { chartFrame, downsample, informedPath, MARGIN, percent, roundScale } from './chart-data';
import { CHART_INK, FONT } from './chart-theme';
import { Legend, type LegendItem } from './Legend';
import { useElementWidth } from './useElementWidth';

export interface InformedChartProps {
  /** Simulated informed fraction (0..1) per round. */
  points: { round: number; fraction: number }[];
  /** Mean-field curve, or null. */
  theory: { round: number; fraction: number }[] | null;
  /** The curve is the complete graph's, drawn for comparison (the run's graph has no closed form). */
  reference?: boolean;
  /** The curve's legend when it is not the mean-field one (primary-backup's exact curve). */
  theoryLabel?: string;
  /** Shown instead of/beside the theory curve, e.g. why there is none. */
  note: string | null;
  /** A longer explanation for the accessible summary, in place of the note. */
  detail?: string | null;
  theme: 'light' | 'dark';
  /** The round shown while looking back (marked on the plot), or null. */
  cursor?: number | null;
}

const HEIGHT = 200;

/** The informed fraction per round against the mean-field prediction. */
export const InformedChart = memo(function InformedChart({ points, theory, reference = false, theoryLabel, note, detail = null, theme, cursor = null }: InformedChartProps): JSX.Element {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const frame = chartFrame(width, HEIGHT);
  const last = points[points.length - 1];
  const lastTheory = theory && last ? theory.find((p) => p.round === last.round) : undefined;
  // Extend x to the theory curve only a little: it can run long after the simulation is done.
  const maxRound = Math.max(last?.round ?? 0, Math.min(theory?.[theory.length - 1]?.round ?? 0, (last?.round ?? 0) + 5));
  const x = useMemo(() => roundScale(maxRound, frame.innerW), [maxRound, frame.innerW]);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([frame.innerH, 0]), [frame.innerH]);
  const maxPoints = Math.max(2, frame.innerW * 2);
  const simPath = useMemo(() => informedPath(downsample(points, maxPoints), x, y), [points, maxPoints, x, y]);
  const theoryPath = useMemo(() => (theory ? informedPath(downsample(theory.filter((p) => p.round <= x.domain()[1]), maxPoints), x, y) : ''), [theory, maxPoints, x, y]);

  const items: LegendItem[] = [{ label: 'Simulated', color: palette.chart.informed, shape: 'line' }];
  if (theory) items.push({ label: reference ? 'Complete graph, for comparison' : theoryLabel ?? 'Mean-field theory', color: palette.chart.theory, shape: 'dashed' });
  const predicts = reference ? 'the complete graph would have' : 'theory predicts';
  const label = last
    ? `Informed nodes per round: ${percent(last.fraction)} after round ${last.round}` + (lastTheory ? `, ${predicts} ${percent(lastTheory.fraction)}` : '') + (detail ?? note ? `. ${detail ?? note}` : '.')
    : 'Informed nodes per round: no rounds yet.';

  return (
    <figure ref={ref} className="m-0 flex w-full flex-col gap-1">
      <Legend items={items} theme={theme} />
      <svg role="img" aria-label={label} width={width} height={HEIGHT} className="block overflow-visible">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <Axes frame={frame} x={x} y={y} xLabel="Round" yLabel="Informed" yFormat={percent} theme={theme} />
          {theoryPath && <path d={theoryPath} fill="none" stroke={palette.chart.theory} strokeWidth={2.5} strokeDasharray="7 5" />}
          <path d={simPath} fill="none" stroke={palette.chart.informed} strokeWidth={3} strokeLinejoin="round" />
          <ChartCursor round={cursor} x={x} height={frame.innerH} theme={theme} />
          {last && <circle cx={x(last.round)} cy={y(Math.min(1, Math.max(0, last.fraction)))} r={4} fill={palette.chart.informed} />}
        </g>
      </svg>
      {note && (
        <figcaption className="leading-snug" style={{ fontSize: FONT.label, color: CHART_INK[theme].text }}>
          {note}
        </figcaption>
      )}
    </figure>
  );
});
