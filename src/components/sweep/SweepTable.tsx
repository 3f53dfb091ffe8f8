import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import type { SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';
import type { Band, PointSummary } from '../../lab/sweep-stats';
import { paramName, pointLabel } from './sweep-words';

const n2 = (v: number): string => formatNumber(v, 2);
const bandText = (b: Band | null): string => (b ? `${n2(b.p50)} (${n2(b.p5)}–${n2(b.p95)})` : '—');

/** One row per planned point; a point still running reads "running". */
export function SweepTable({ param, planned, points }: { param: SweepParam; planned: readonly SweepPoint[]; points: readonly (PointSummary | null)[] }): JSX.Element {
  const { t } = useTranslation('sweep');
  const cell = 'px-2 py-0.5 text-right tabular-nums';
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t('table.caption')}</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className="px-2 text-left">{paramName(t, param)}</th>
          <th scope="col" className={cell}>{t('table.trials')}</th>
          <th scope="col" className={cell}>{t('table.rounds')}</th>
          <th scope="col" className={cell}>{t('table.messages')}</th>
          <th scope="col" className={cell}>{t('table.converged')}</th>
          <th scope="col" className={cell}>{t('table.theory')}</th>
        </tr>
      </thead>
      <tbody>
        {planned.map((pl) => {
          const p = points[pl.index];
          const theory = p?.theory.rounds ?? p?.theory.messages;
          return (
            <tr key={pl.index} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-2 text-left font-semibold">{pointLabel(param, pl.label)}</th>
              {p ? (
                <>
                  <td className={cell}>{formatNumber(p.trials)}</td>
                  <td className={cell}>{bandText(p.rounds)}</td>
                  <td className={cell}>{bandText(p.messages)}</td>
                  <td className={cell}>{Math.round(p.converged * 100)}%</td>
                  <td className={cell} title={p.theory.kind ? t(`table.source.${p.theory.kind}`) : undefined}>
                    {theory == null ? '—' : t(p.theory.rounds != null ? 'table.theoryRounds' : 'table.theoryMessages', { value: n2(theory) })}
                  </td>
                </>
              ) : (
                <td className="px-2 text-slate-500" colSpan={5}>{t('table.running')}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
