import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun, useRunSession } from '../hooks/useRun';
import type { RunCoreSlice } from '../store/run-core-slice';
import { btn } from './ui-classes';

/**
 * The shown run's worker died or hung: say so over the graph (where everyone is looking), and offer
 * a fresh start. An overlay, so the page's layout does not jump.
 */
const selectWorkerError = (s: RunCoreSlice) => s.workerError;

export function WorkerError(): JSX.Element | null {
  const { t } = useTranslation();
  const error = useRun(selectWorkerError);
  const session = useRunSession();
  if (!error) return null;
  return (
    <div role="alert" className="absolute inset-x-6 top-1/2 z-20 mx-auto flex max-w-xl -translate-y-1/2 flex-col items-start gap-3 rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 shadow-lg dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="text-lg">
        <strong>{t('worker.stopped')}</strong> {error}
      </p>
      <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => session.restart()}>
        {t('worker.restart')}
      </button>
    </div>
  );
}
