import type { JSX } from 'react';
import { PARAM_SPECS, type SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';
import type { Band, PointSummary } from '../../lab/sweep-stats';

const n2 = (v: number): string => String(+v.toFixed(2));
const bandText = (b: Band | null): string => (b ? `${n2(b.p50)} (${n2(b.p5)}–${n2(b.p95)})` : '—');

/** One row per planned point; a point still running reads "running". */
export function SweepTable({ param, planned, points }: { param: SweepParam; planned: readonly SweepPoint[]; points: readonly (PointSummary | null)[] }): JSX.Element {
  const cell = 'px-2 py-0.5 text-right tabular-nums';
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Sweep results per point: median and 5–95 % of trials</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className="px-2 text-left">{PARAM_SPECS[param].label}</th>
          <th scope="col" className={cell}>Trials</th>
          <th scope="col" className={cell}>Rounds, median (5–95 %)</th>
          <th scope="col" className={cell}>Messages per node</th>
          <th scope="col" className={cell}>Converged</th>
          <th scope="col" className={cell}>Theory</th>
        </tr>
      </thead>
      <tbody>
        {planned.map((pl) => {
          const p = points[pl.index];
          const theory = p?.theory.rounds ?? p?.theory.messages;
          return (
            <tr key={pl.index} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-2 text-left font-semibold">{pl.label}</th>
              {p ? (
                <>
                  <td className={cell}>{p.trials}</td>
                  <td className={cell}>{bandText(p.rounds)}</td>
                  <td className={cell}>{bandText(p.messages)}</td>
                  <td className={cell}>{Math.round(p.converged * 100)}%</td>
                  <td className={cell} title={p.theory.source}>{theory == null ? '—' : `${n2(theory)} ${p.theory.rounds != null ? 'rounds' : 'msgs'}`}</td>
                </>
              ) : (
                <td className="px-2 text-slate-500" colSpan={5}>running…</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
