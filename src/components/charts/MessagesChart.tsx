import type { JSX } from 'react';

export interface MessagesChartProps {
  points: { round: number; delivered: number; dropped: number; redundant: number }[];
  theme: 'light' | 'dark';
}

export function MessagesChart({ points }: MessagesChartProps): JSX.Element {
  return <svg role="img" aria-label={`Messages chart: ${points.length} rounds`} width="100%" height={180} />;
}
