import { useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hooks/useSession';
import { useShown } from '../../hooks/useShown';
import { useTraceTestHook } from '../../hooks/useTraceTestHook';
import { frameSource } from '../../session/page-instances';
import { spreadTraceStore } from '../../store/trace-store';
import { panel, sectionTitle } from '../ui-classes';
import { HandPlayPanel } from './HandPlayPanel';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';
import { SpreadTreePanel } from './SpreadTreePanel';

/** The drawer's "Trace" tab: the spread tree and its depths, hand-played rounds, the space-time diagram. */
export function TracePanel(): JSX.Element {
  const { t } = useTranslation('trace');
  const session = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const shown = useShown(ref);
  useTraceTestHook(spreadTraceStore, frameSource);
  return (
    <div ref={ref} className="flex flex-col gap-2" aria-label={t('panelLabel')} role="group">
      <section aria-labelledby="trace-tree-title" className={panel}>
        <h2 id="trace-tree-title" className={sectionTitle}>{t('tree.toggle')}</h2>
        <SpreadTreePanel />
      </section>
      <section aria-labelledby="trace-st-title" className={panel}>
        <h2 id="trace-st-title" className={sectionTitle}>{t('st.title')}</h2>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t('st.help')}</p>
        <SpaceTimeDiagram store={spreadTraceStore} trace={session.trace} visible={shown} />
      </section>
      <section aria-labelledby="trace-hand-title" className={panel}>
        <h2 id="trace-hand-title" className={sectionTitle}>{t('hand.title')}</h2>
        <HandPlayPanel />
      </section>
    </div>
  );
}
