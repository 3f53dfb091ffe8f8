import type { JSX, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type AppMode = 'dissemination' | 'membership';

/** The modes in tab order; their names and titles: common:mode.<id>, common:mode.<id>Title. */
const MODES: { id: AppMode }[] = [{ id: 'dissemination' }, { id: 'membership' }];

/** The page's two modes as tabs (arrow keys move between them, as tabs do), at the end of the header row. */
export function ModeSwitch({ mode, onChange }: { mode: AppMode; onChange(mode: AppMode): void }): JSX.Element {
  const { t } = useTranslation();
  const onKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const i = MODES.findIndex((m) => m.id === mode);
    const next = MODES[(i + (e.key === 'ArrowRight' ? 1 : MODES.length - 1)) % MODES.length];
    onChange(next.id);
    document.getElementById(`mode-tab-${next.id}`)?.focus();
  };
  return (
    <div className="flex shrink-0 items-center border-b border-slate-200 pr-2 xl:pr-4 dark:border-slate-800">
      <div role="tablist" aria-label={t('mode.label')} className="flex gap-1 rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
        {MODES.map((m) => {
          const on = m.id === mode;
          return (
            <button
              key={m.id}
              id={`mode-tab-${m.id}`}
              type="button"
              role="tab"
              aria-selected={on}
              tabIndex={on ? 0 : -1}
              title={t(`mode.${m.id}Title`)}
              onClick={() => onChange(m.id)}
              onKeyDown={onKey}
              className={`rounded-md px-2 py-1 text-base font-semibold xl:px-3 ${on ? 'bg-sky-800 text-white dark:bg-sky-700' : 'text-slate-800 hover:bg-white dark:text-slate-100 dark:hover:bg-slate-700'}`}
            >
              {t(`mode.${m.id}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
