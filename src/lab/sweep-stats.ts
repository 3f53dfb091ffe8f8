import { quantile, summarize } from '../cli/stats';
import type { SweepPoint } from './sweep-plan';
import { pointTheory, type PointTheory } from './sweep-theory';

/** A measure over a point's trials: its median, 5–95 % band and mean (p50, p95 and mean exactly as the CLI computes them). */
export interface Band {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

/** A finished point: what the chart, the table and the exports show. */
export interface PointSummary {
  index: number;
  value: number;
  label: string;
  trials: number;
  /** Fraction of the trials in which every reachable live node learned the update. */
  converged: number;
  rounds: Band | null;
  messages: Band | null;
  theory: PointTheory;
}

function band(values: readonly number[]): Band | null {
  const s = summarize(values);
  if (!s) return null;
  // summarize sorts a filtered copy; p5 needs the same order statistics.
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return { p5: quantile(sorted, 0.05), p50: s.p50, p95: s.p95, mean: s.mean };
}

/** Summarises a point's trials (the arrays in trial order, as runExperiment accumulates them). */
export function summarizePoint(point: SweepPoint, rounds: readonly number[], messages: readonly number[], converged: number): PointSummary {
  return {
    index: point.index,
    value: point.value,
    label: point.label,
    trials: rounds.length,
    converged: rounds.length > 0 ? converged / rounds.length : 0,
    rounds: band(rounds),
    messages: band(messages),
    theory: pointTheory(point.config),
  };
}
