import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { RunCoreSlice } from '../../store/run-core-slice';

const selectImportFailure = (s: RunCoreSlice) => s.importFailure;

/** At most this many problems are listed; a file with more is broken throughout anyway. */
const SHOWN = 8;

/** Why the last scenario file was refused: each problem with its JSON path. The run is untouched. */
export function ImportProblems(): JSX.Element | null {
  const { t } = useTranslation('share');
  const session = useRunSession();
  const failure = useRun(selectImportFailure);
  if (!failure) return null;
  const { fileName, problems } = failure;
  return (
    <div role="alert" className="col-span-2 rounded-md border border-red-300 bg-red-50 px-2 py-1.5 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <div className="flex items-start gap-2">
        <p className="flex-1 font-semibold">
          {t('import.failed', { file: fileName, count: problems.length })}
        </p>
        <button type="button" aria-label={t('import.dismiss')} className="rounded px-1 text-lg leading-none hover:bg-black/10" onClick={() => session.dismissImportFailure()}>
          ×
        </button>
      </div>
      <ul aria-label={t('import.problems')} className="mt-1 flex flex-col gap-0.5">
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i} className="break-words">
            <code className="font-mono font-semibold">{p.path}</code>: {p.message}
          </li>
        ))}
        {problems.length > SHOWN && <li>{t('import.more', { count: problems.length - SHOWN })}</li>}
      </ul>
    </div>
  );
}
