import type { JSX } from 'react';
import type { ScaleLinear } from 'd3';
import { MARGIN, type Frame } from './chart-data';
import { CHART_INK, FONT } from './chart-theme';

interface AxesProps {
  frame: Frame;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xLabel: string;
  yLabel: string;
  yFormat(v: number): string;
  /** Only whole-number ticks on y (counts). */
  integerY?: boolean;
  theme: 'light' | 'dark';
}

/** Gridlines, ticks and axis titles, drawn in the plot's translated coordinate system. */
export function Axes({ frame, x, y, xLabel, yLabel, yFormat, integerY = false, theme }: AxesProps): JSX.Element {
  const ink = CHART_INK[theme];
  const xTicks = x.ticks(Math.max(2, Math.floor(frame.innerW / 70))).filter(Number.isInteger);
  const yTicks = y.ticks(Math.max(2, Math.floor(frame.innerH / 36))).filter((t) => !integerY || Number.isInteger(t));
  return (
    <g fontSize={FONT.tick} fill={ink.text}>
      {yTicks.map((t) => (
        <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
          <line x2={frame.innerW} stroke={ink.grid} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {yFormat(t)}
          </text>
        </g>
      ))}
      <line y1={frame.innerH} x2={frame.innerW} y2={frame.innerH} stroke={ink.axis} />
      <line y2={frame.innerH} stroke={ink.axis} />
      {xTicks.map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${frame.innerH})`}>
          <line y2={5} stroke={ink.axis} />
          <text y={18} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      <text x={frame.innerW / 2} y={frame.innerH + MARGIN.bottom - 4} textAnchor="middle" fontSize={FONT.label} fontWeight={600}>
        {xLabel}
      </text>
      <text transform={`translate(${-MARGIN.left + 14},${frame.innerH / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT.label} fontWeight={600}>
        {yLabel}
      </text>
    </g>
  );
}
