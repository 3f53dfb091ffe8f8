import { scaleLinear, scaleLog, scalePoint } from 'd3';
import { PARAM_SPECS, type SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';
import { formatCompact, type XAxis } from '../charts/chart-data';

/** Where the i-th planned point sits on a sweep chart's x axis: its index among categories, else its value. */
export const sweepXValue = (param: SweepParam, p: SweepPoint, i: number): number => (PARAM_SPECS[param].scale === 'categories' ? i : p.value);

/** A log scale for nodes, points for protocols, linear otherwise; the domain is the whole plan, so the axis does not jump as points land. */
export function sweepX(param: SweepParam, points: readonly SweepPoint[], width: number, labelOf: (label: string) => string = (l) => l): XAxis {
  const scale = PARAM_SPECS[param].scale;
  if (scale === 'categories') {
    const x = scalePoint<number>().domain(points.map((_, i) => i)).range([0, width]).padding(0.5);
    return { at: (i) => x(i) ?? 0, ticks: points.map((p, i) => ({ x: x(i) ?? 0, text: labelOf(p.label) })), categorical: true };
  }
  const lo = points[0]?.value ?? 0, hi = points[points.length - 1]?.value ?? 1;
  if (scale === 'log') {
    const x = scaleLog().domain(lo === hi ? [lo / 2, hi * 2] : [lo, hi]).range([0, width]);
    const ticks = x.ticks(Math.max(2, Math.floor(width / 70))).filter((t) => Math.log10(t) % 1 === 0 || width > 400);
    return { at: x, ticks: ticks.map((t) => ({ x: x(t), text: formatCompact(t) })) };
  }
  const x = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([0, width]);
  const whole = PARAM_SPECS[param].integer;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 60))).filter((t) => !whole || Number.isInteger(t));
  return { at: x, ticks: ticks.map((t) => ({ x: x(t), text: formatCompact(t) })) };
}
