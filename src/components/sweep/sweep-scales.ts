import { scaleLinear, scaleLog, scalePoint } from 'd3';
import { PARAM_SPECS, type SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';

/** The x axis of a sweep chart: where a point sits and the ticks to draw. */
export interface SweepX {
  at(p: Pick<SweepPoint, 'value' | 'label'>): number;
  ticks: { x: number; text: string }[];
  /** Categories get whiskers only: a band between protocols would invent values between them. */
  categorical: boolean;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A log scale for nodes, points for protocols, linear otherwise; the domain is the whole plan, so the axis does not jump as points land. */
export function sweepX(param: SweepParam, points: readonly SweepPoint[], width: number): SweepX {
  const scale = PARAM_SPECS[param].scale;
  if (scale === 'categories') {
    const x = scalePoint<string>().domain(points.map((p) => p.label)).range([0, width]).padding(0.5);
    return { at: (p) => x(p.label) ?? 0, ticks: points.map((p) => ({ x: x(p.label) ?? 0, text: p.label })), categorical: true };
  }
  const lo = points[0]?.value ?? 0, hi = points[points.length - 1]?.value ?? 1;
  if (scale === 'log') {
    const x = scaleLog().domain(lo === hi ? [lo / 2, hi * 2] : [lo, hi]).range([0, width]);
    const ticks = x.ticks(Math.max(2, Math.floor(width / 70))).filter((t) => Math.log10(t) % 1 === 0 || width > 400);
    return { at: (p) => x(p.value), ticks: ticks.map((t) => ({ x: x(t), text: compact.format(t) })), categorical: false };
  }
  const x = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([0, width]);
  const whole = PARAM_SPECS[param].integer;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 60))).filter((t) => !whole || Number.isInteger(t));
  return { at: (p) => x(p.value), ticks: ticks.map((t) => ({ x: x(t), text: compact.format(t) })), categorical: false };
}
