import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../i18n';
import { useKeptRuns } from '../../hooks/useKeptRuns';
import { useSession } from '../../hooks/useSession';
import { MAX_KEPT } from '../../share/run-link';
import type { RunStats } from '../../lab/run-curve';
import { palette } from '../../theme/palette';
import { chartBox } from '../charts/chart-theme';
import { btn } from '../ui-classes';
import type { ComparedRun } from './useCompareRuns';

/** A line swatch in the run's colour and dash, as its curve is drawn. */
function Swatch({ color, dash }: { color: string; dash?: string }): JSX.Element {
  return (
    <svg width={26} height={12} aria-hidden="true" className="shrink-0">
      <line x1={1} y1={6} x2={25} y2={6} stroke={color} strokeWidth={3} strokeDasharray={dash} />
    </svg>
  );
}

/** The figures of one run: rounds to 50/99/100 %, messages per node, residue, redundant share. */
function Figures({ stats, pending }: { stats: RunStats | null; pending: string | null }): JSX.Element {
  const { t } = useTranslation('charts');
  if (!stats) return <td colSpan={6} className="px-1 pb-1 italic">{pending}</td>;
  const r = (v: number | null) => (v === null ? '—' : formatNumber(v));
  const cell = 'px-0.5 pb-1 text-right tabular-nums';
  return (
    <>
      <td className={cell} title={stats.to50 === null ? t('compare.never') : undefined}>{r(stats.to50)}</td>
      <td className={cell} title={stats.to99 === null ? t('compare.never') : undefined}>{r(stats.to99)}</td>
      <td className={cell} title={stats.to100 === null ? t('compare.never') : undefined}>{r(stats.to100)}</td>
      <td className={cell}>{formatNumber(stats.messagesPerNode, 1)}</td>
      <td className={cell}>{formatPercent(stats.residue, 1)}</td>
      <td className={cell}>{formatPercent(stats.redundantShare)}</td>
    </>
  );
}

/** `Keep run` and how many are kept. */
export function KeepRunBar({ count }: { count: number }): JSX.Element {
  const { t } = useTranslation('charts');
  const session = useSession();
  const kept = useKeptRuns();
  const keep = (): void => {
    if (kept?.keep(session.currentRun())) session.say('info', t('compare.kept', { count: kept.specs().length, max: MAX_KEPT }));
  };
  return (
    <div className={`${chartBox} col-span-full flex flex-wrap items-center gap-2 py-2`}>
      <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={keep} title={t('compare.keepTitle', { max: MAX_KEPT })}>
        {t('compare.keep')}
      </button>
      <span className="text-sm font-semibold">{t('compare.count', { count, max: MAX_KEPT })}</span>
      {count === 0 && <p className="text-sm">{t('compare.none')}</p>}
    </div>
  );
}

/**
 * Compare's table: the kept runs' figures under the current run's. The drawer is narrow, so
 * each run takes two rows — its name (which opens it in the graph) and ✕, then six short
 * figures under short column heads — and no column has to squeeze a name.
 */
export function CompareTable({ runs, current }: { runs: ComparedRun[]; current: { label: string; stats: RunStats; played: boolean } }): JSX.Element | null {
  const { t } = useTranslation('charts');
  const session = useSession();
  const kept = useKeptRuns();
  if (runs.length === 0) return null;
  const head = 'px-0.5 text-right font-semibold';
  return (
    <section aria-label={t('compare.tableCaption')} className={`${chartBox} col-span-full py-2`}>
      <table className="w-full border-collapse text-base leading-snug">
        <caption className="px-1 pb-1 text-left text-sm font-bold">{t('compare.tableCaption')}</caption>
        <thead className="text-xs">
          <tr>
            <th scope="colgroup" colSpan={3} className="px-1 text-center font-semibold">{t('compare.roundsTo')}</th>
            <th colSpan={3} />
          </tr>
          <tr className="border-b border-slate-300 align-bottom dark:border-slate-600">
            <th scope="col" className={head}>50&nbsp;%</th>
            <th scope="col" className={head}>99&nbsp;%</th>
            <th scope="col" className={head}>100&nbsp;%</th>
            <th scope="col" className={head}>{t('compare.perNode')}</th>
            <th scope="col" className={head}>{t('compare.residue')}</th>
            <th scope="col" className={head}>{t('compare.redundant')}</th>
          </tr>
        </thead>
        <tbody className="border-b border-slate-200 dark:border-slate-700">
          <tr>
            <th scope="rowgroup" colSpan={6} className="px-1 pt-1 text-left font-semibold">
              <span className="flex items-center gap-1"><Swatch color={palette.chart.informed} />{current.label === t('compare.same') ? t('compare.thisRun') : t('compare.thisRunIs', { label: current.label })}</span>
            </th>
          </tr>
          <tr>{current.played ? <Figures stats={current.stats} pending={null} /> : <td colSpan={6} className="px-1 pb-1 italic">{t('compare.notPlayed')}</td>}</tr>
        </tbody>
        {runs.map(({ run, label, color, dash, stats }) => (
          <tbody key={run.id} className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="rowgroup" colSpan={6} className="px-1 pt-0.5 text-left font-normal">
                <div className="flex items-center gap-1">
                  <button type="button" className="flex min-h-8 flex-1 items-center gap-1 rounded text-left font-semibold underline decoration-dotted hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t('compare.open', { label })} onClick={() => session.loadRun(run.spec)}>
                    <Swatch color={color} dash={dash} />
                    {label}
                  </button>
                  <button type="button" className="min-h-8 min-w-8 rounded px-1 font-bold hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t('compare.remove', { label })} onClick={() => kept?.remove(run.id)}>
                    ✕
                  </button>
                </div>
              </th>
            </tr>
            <tr><Figures stats={stats} pending={run.error ?? t('compare.computing')} /></tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}
