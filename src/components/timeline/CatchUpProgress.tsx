import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { formatNumber, formatPercent } from '../../i18n';
import { btn } from '../ui-classes';

const selectCatchUp = (s: RunCoreSlice) => ({ round: s.round, target: s.catchUpTo });

/**
 * Rebuilding a linked or remembered run far ahead is work, not a wait: the worker fast-forwards
 * in chunks (the page stays answering), this bar shows how far it got, and Cancel stops it
 * where it is — the run is whole at that round.
 */
export function CatchUpProgress(): JSX.Element | null {
  const { t } = useTranslation('timeline');
  const session = useRunSession();
  const { round, target } = useRun(useShallow(selectCatchUp));
  if (target === null) return null;
  const share = target > 0 ? Math.min(1, round / target) : 0;
  return (
    <div className="absolute inset-x-6 bottom-14 z-20 mx-auto flex max-w-xl items-center gap-3 rounded-lg border border-sky-300 bg-white/95 px-4 py-2 shadow-lg dark:border-sky-800 dark:bg-slate-900/95">
      <div className="flex-1">
        <p className="text-sm font-semibold">{t('catchUp.title', { target: formatNumber(target), percent: formatPercent(share) })}</p>
        <div
          role="progressbar"
          aria-label={t('catchUp.progress')}
          aria-valuemin={0}
          aria-valuemax={target}
          aria-valuenow={round}
          className="mt-1 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
        >
          <div className="h-full bg-sky-700 dark:bg-sky-500" style={{ width: `${(share * 100).toFixed(1)}%` }} />
        </div>
      </div>
      <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.cancelCatchUp()}>{t('catchUp.cancel')}</button>
    </div>
  );
}
