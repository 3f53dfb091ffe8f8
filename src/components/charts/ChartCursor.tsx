import type { JSX } from 'react';
import type { ScaleLinear } from 'd3';
import { CHART_INK, FONT } from './chart-theme';

/** The round shown while looking back: a marked vertical line across the plot. */
export function ChartCursor({ round, x, height, theme }: { round: number | null; x: ScaleLinear<number, number>; height: number; theme: 'light' | 'dark' }): JSX.Element | null {
  if (round === null) return null;
  const ink = CHART_INK[theme];
  const at = x(round);
  return (
    <g aria-hidden="true">
      <line x1={at} x2={at} y1={0} y2={height} stroke={ink.text} strokeWidth={2} strokeDasharray="4 3" />
      <text x={at + 4} y={10} fontSize={FONT.tick} fontWeight={700} fill={ink.text}>
        {round}
      </text>
    </g>
  );
}
