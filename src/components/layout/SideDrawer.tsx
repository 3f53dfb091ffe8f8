import { useEffect, useId, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemembered } from '../../hooks/useRemembered';

export interface DrawerTab {
  id: string;
  label: string;
  content: ReactNode;
}

const OPEN_STATES = ['open', 'folded'] as const;

/**
 * The panels the room does not need every second (charts, details, timeline), folded to a slim
 * strip of tabs beside the graph so the graph keeps the screen. One click on a tab opens the
 * drawer on it; the fold button (or clicking the open tab again) folds it. Open/folded and the
 * tab shown are remembered. Every panel stays mounted while hidden: charts and inspectors keep
 * their state and the exports still find their drawings.
 */
export function SideDrawer({ label, storageKey, tabs, openOn = null }: {
  label: string;
  storageKey: string;
  tabs: readonly DrawerTab[];
  /**
   * Opens the drawer on `tab` whenever `when` changes to something new (not null): a preset just
   * loaded, whose caption in Details says what to watch. Folding it again is one click.
   */
  openOn?: { when: unknown; tab: string } | null;
}): JSX.Element {
  const { t: tr, i18n } = useTranslation();
  // English labels turn sideways; Chinese ones stack one character a line, upright — vertical
  // writing relies on a font's vertical metrics, which many CJK fonts lack (the glyphs overflow).
  const tabText = i18n.resolvedLanguage === 'zh' ? 'md:w-9 md:px-1 md:break-all md:leading-tight text-center' : 'md:[writing-mode:vertical-rl]';
  const ids = tabs.map((t) => t.id);
  const [tab, setTab] = useRemembered(`${storageKey}:tab`, ids, ids[0]);
  const [state, setState] = useRemembered(`${storageKey}:state`, OPEN_STATES, 'folded');
  const open = state === 'open';
  const base = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // What was there at mount (a remembered run's preset) does not open anything; a new one does.
  const seen = useRef(openOn?.when ?? null);
  const wantTab = openOn?.tab, when = openOn?.when ?? null;
  useEffect(() => {
    if (when === seen.current) return;
    seen.current = when;
    if (when === null || wantTab === undefined) return;
    setTab(wantTab);
    setState('open');
  }, [when, wantTab, setTab, setState]);

  const choose = (id: string): void => {
    if (open && id === tab) setState('folded');
    else {
      setTab(id);
      setState('open');
    }
  };
  // The ARIA tabs pattern: arrows move between tabs, Home/End jump to the ends.
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number): void => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    const to = step !== undefined ? (i + step + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    e.stopPropagation(); // ← and → also step the run; here they move between tabs.
    tabRefs.current[to]?.focus();
  };

  return (
    <aside aria-label={label} className="flex min-h-0 flex-col gap-2 md:h-full md:flex-row">
      <div className="flex shrink-0 gap-1 md:flex-col">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${base}-panels`}
          onClick={() => setState(open ? 'folded' : 'open')}
          title={open ? tr('drawer.foldTitle') : tr('drawer.openTitle')}
          className="rounded-md border border-slate-400 bg-white px-2 py-1 text-base font-semibold hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:hover:bg-slate-700"
        >
          <span aria-hidden="true">{open ? '»' : '«'}</span>
          <span className="sr-only">{open ? tr('drawer.fold') : tr('drawer.open')}</span>
        </button>
        <div role="tablist" aria-label={tr('drawer.panels', { label })} aria-orientation="vertical" className="flex gap-1 md:flex-col">
          {tabs.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => { tabRefs.current[i] = el; }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={t.id === tab}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => choose(t.id)}
              onKeyDown={(e) => onKey(e, i)}
              className={`rounded-md border px-2 py-2 text-sm font-bold ${tabText} ${
                open && t.id === tab
                  ? 'border-sky-800 bg-sky-800 text-white dark:border-sky-600 dark:bg-sky-700'
                  : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div id={`${base}-panels`} hidden={!open} className="min-h-0 md:w-[20rem] md:overflow-y-auto 2xl:w-[26rem]">
        {tabs.map((t) => (
          <div
            key={t.id}
            role="tabpanel"
            id={`${base}-panel-${t.id}`}
            aria-labelledby={`${base}-tab-${t.id}`}
            hidden={t.id !== tab}
            className="flex flex-col gap-2 2xl:gap-3"
          >
            {t.content}
          </div>
        ))}
      </div>
    </aside>
  );
}
