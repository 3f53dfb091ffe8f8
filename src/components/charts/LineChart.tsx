import { memo, useMemo, type JSX } from 'react';
import { area, curveLinear, curveStepAfter, line, scaleLinear } from 'd3';
import { chartFrame, formatCompact, MARGIN, reducePoints, roundAxis, type ChartPoint, type XAxis } from './chart-data';
import { CHART_INK, FONT } from './chart-theme';
import { useElementWidth } from './useElementWidth';

export interface ChartSeries {
  /** Tells apart series that share a label (two kept runs alike in every setting). */
  id?: number | string;
  label: string;
  color: string;
  /** stroke-dasharray of a line; none for a solid one. */
  dash?: string;
  points: readonly ChartPoint[];
  /** Filled between y0 and y (a band, a stacked layer) instead of a line, at this opacity. */
  fill?: number;
  /** Dots on every point, or on the last one only. */
  dots?: 'all' | 'last';
  width?: number;
}

export interface LineChartProps {
  series: readonly ChartSeries[];
  /** The sentence screen readers get (the chart is an image to them). */
  summary: string;
  xLabel: string;
  yLabel: string;
  theme: 'light' | 'dark';
  height?: number;
  /** A bold title above the legend. */
  title?: string;
  /** A short note under the plot. */
  note?: string | null;
  /** The x axis for a plot width; by default rounds 0..`xMax` (the series' last x when not given). */
  xAxis?: (innerW: number) => XAxis;
  xMax?: number;
  /** A fixed top of the y axis (1 for fractions); otherwise the data's, rounded up. */
  yMax?: number;
  yFormat?: (v: number) => string;
  integerY?: boolean;
  /** Filled series as steps, one per round (messages per round). */
  step?: boolean;
  /** Vertical rules: the round shown while looking back, an event such as the heal. */
  rules?: readonly { x: number; label: string }[];
}

/**
 * The one chart of the page: lines and filled bands over rounds (or a sweep's parameter), with
 * axes and titles, a legend naming each series by colour and dash, and rules marking rounds.
 * Its DOM is what the exports read: an HTML legend (`ul`) and one `svg[role=img]`.
 */
export const LineChart = memo(function LineChart(p: LineChartProps): JSX.Element {
  const { series, theme, height = 200, yFormat = formatCompact, rules = [] } = p;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const frame = chartFrame(width, height);
  const ink = CHART_INK[theme];
  const lastX = series.reduce((m, s) => Math.max(m, s.points[s.points.length - 1]?.x ?? 0), rules.reduce((m, r) => Math.max(m, r.x), 0));
  const x = useMemo(() => (p.xAxis ?? ((w: number) => roundAxis(p.xMax ?? lastX, w)))(frame.innerW), [p.xAxis, p.xMax, lastX, frame.innerW]);
  // Points past the axis' end are left out (a theory curve can run long after the run is done).
  const right = p.xAxis || p.xMax === undefined ? Infinity : p.xMax;
  const shown = useMemo(() => series.map((s) => {
    const inside = s.points.filter((q) => q.x <= right);
    const pts = reducePoints(inside, Math.max(2, frame.innerW * (s.fill ? 1 : 2)), s.fill !== undefined);
    // A step's last round has a width too: it ends where the next round would start.
    return p.step && s.fill !== undefined && pts.length > 0 ? [...pts, { ...pts[pts.length - 1], x: pts[pts.length - 1].x + 1 }] : pts;
  }), [series, right, frame.innerW, p.step]);
  const top = p.yMax ?? shown.reduce((m, pts) => pts.reduce((a, q) => Math.max(a, q.y), m), 1);
  const y = useMemo(() => scaleLinear().domain([0, top]).range([frame.innerH, 0]).nice(), [top, frame.innerH]);
  const clampY = (v: number): number => y(Math.min(top, Math.max(0, v)));
  const yTicks = y.ticks(Math.max(2, Math.floor(frame.innerH / 36))).filter((t) => !p.integerY || Number.isInteger(t));
  const lineOf = line<ChartPoint>().x((q) => x.at(q.x)).y((q) => clampY(q.y)).defined((q) => Number.isFinite(q.y));
  const areaOf = area<ChartPoint>().x((q) => x.at(q.x)).y0((q) => clampY(q.y0 ?? 0)).y1((q) => clampY(q.y)).curve(p.step ? curveStepAfter : curveLinear);

  return (
    <figure ref={ref} className="m-0 flex w-full min-w-0 flex-col gap-1">
      {p.title && <p className="text-sm font-bold">{p.title}</p>}
      <ul className="flex flex-wrap gap-x-4 gap-y-1" style={{ fontSize: FONT.label, color: ink.text }} aria-hidden="true">
        {series.map((s) => (
          <li key={s.id ?? s.label} className="flex items-center gap-1.5">
            <svg width={26} height={12} aria-hidden="true">
              {s.fill !== undefined
                ? <rect x={3} y={1} width={18} height={10} rx={2} fill={s.color} fillOpacity={Math.max(0.35, s.fill)} />
                : <line x1={1} y1={6} x2={25} y2={6} stroke={s.color} strokeWidth={3} strokeDasharray={s.dash} />}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg role="img" aria-label={p.summary} width={width} height={height} className="block overflow-visible">
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`} fontSize={FONT.tick} fill={ink.text}>
          {yTicks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line x2={frame.innerW} stroke={ink.grid} />
              <text x={-8} dy="0.32em" textAnchor="end">{yFormat(t)}</text>
            </g>
          ))}
          <line y1={frame.innerH} x2={frame.innerW} y2={frame.innerH} stroke={ink.axis} />
          <line y2={frame.innerH} stroke={ink.axis} />
          {x.ticks.map((t) => (
            <g key={`x${t.text}`} transform={`translate(${t.x},${frame.innerH})`}>
              <line y2={5} stroke={ink.axis} />
              <text y={18} textAnchor="middle">{t.text}</text>
            </g>
          ))}
          <text x={frame.innerW / 2} y={frame.innerH + MARGIN.bottom - 4} textAnchor="middle" fontSize={FONT.label} fontWeight={600}>{p.xLabel}</text>
          <text transform={`translate(${-MARGIN.left + 14},${frame.innerH / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT.label} fontWeight={600}>{p.yLabel}</text>
          {series.map((s, i) => {
            const pts = shown[i];
            const color = s.color;
            if (s.fill !== undefined) {
              return x.categorical
                ? pts.map((q) => <line key={`${s.label}${q.x}`} x1={x.at(q.x)} x2={x.at(q.x)} y1={clampY(q.y0 ?? 0)} y2={clampY(q.y)} stroke={color} strokeWidth={3} strokeOpacity={0.6} />)
                : <path key={s.id ?? s.label} d={areaOf(pts) ?? ''} fill={color} fillOpacity={s.fill} stroke="none" />;
            }
            const dots = x.categorical ? pts : s.dots === 'all' ? pts : s.dots === 'last' ? pts.slice(-1) : [];
            return (
              <g key={s.id ?? s.label}>
                {!x.categorical && <path d={lineOf(pts) ?? ''} fill="none" stroke={color} strokeWidth={s.width ?? 2.5} strokeDasharray={s.dash} strokeLinejoin="round" />}
                {dots.map((q) => <circle key={q.x} cx={x.at(q.x)} cy={clampY(q.y)} r={4} fill={color} />)}
              </g>
            );
          })}
          {rules.map((r) => (
            <g key={r.label} aria-hidden="true" transform={`translate(${x.at(r.x)},0)`}>
              <line y2={frame.innerH} stroke={ink.text} strokeWidth={2} strokeDasharray="4 3" />
              <text x={4} y={10} fontWeight={700}>{r.label}</text>
            </g>
          ))}
        </g>
      </svg>
      {p.note && <figcaption className="leading-snug" style={{ fontSize: FONT.label, color: ink.text }}>{p.note}</figcaption>}
    </figure>
  );
});
