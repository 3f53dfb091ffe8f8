import { useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useShown } from '../../hooks/useShown';
import type { TraceState } from '../../store/trace-store';
import { panel, sectionTitle } from '../ui-classes';
import { SpaceTimeDiagram, type SpaceTimeViews } from './SpaceTimeDiagram';

/**
 * The space-time diagram as a drawer card in either mode, with a line on what its arrows are;
 * it asks for messages and draws only while it is on screen (a long membership run holds thousands
 * of arrows: redrawn every round in a folded drawer they slowed the play loop to a few rounds a
 * second). `id` is its heading's.
 */
export function SpaceTimeCard({ id, help, store, trace }: { id: string; help: string; store: StoreApi<TraceState>; trace: SpaceTimeViews }): JSX.Element {
  const { t } = useTranslation('trace');
  const ref = useRef<HTMLElement>(null);
  const shown = useShown(ref);
  return (
    <section ref={ref} aria-labelledby={id} className={panel}>
      <h2 id={id} className={sectionTitle}>{t('st.title')}</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{help}</p>
      {shown && <SpaceTimeDiagram store={store} trace={trace} />}
    </section>
  );
}
