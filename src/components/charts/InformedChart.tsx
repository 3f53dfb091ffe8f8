import type { JSX } from 'react';

export interface InformedChartProps {
  /** Simulated informed fraction (0..1) per round. */
  points: { round: number; fraction: number }[];
  /** Mean-field curve, or null. */
  theory: { round: number; fraction: number }[] | null;
  /** Shown instead of/beside the theory curve, e.g. why there is none. */
  note: string | null;
  theme: 'light' | 'dark';
}

export function InformedChart({ points }: InformedChartProps): JSX.Element {
  const last = points[points.length - 1];
  return <svg role="img" aria-label={`Informed chart: ${last ? Math.round(last.fraction * 100) : 0}% informed`} width="100%" height={180} />;
}
