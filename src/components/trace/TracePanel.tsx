import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hooks/useSession';
import { useTraceTestHook } from '../../hooks/useTraceTestHook';
import { frameSource } from '../../session/page-instances';
import { spreadTraceStore } from '../../store/trace-store';
import { panel, sectionTitle } from '../ui-classes';
import { HandPlayPanel } from './HandPlayPanel';
import { SpaceTimeCard } from './SpaceTimeCard';
import { SpreadTreePanel } from './SpreadTreePanel';

/** The drawer's "Trace" tab: the spread tree and its depths, hand-played rounds, the space-time diagram. */
export function TracePanel(): JSX.Element {
  const { t } = useTranslation('trace');
  const session = useSession();
  useTraceTestHook(spreadTraceStore, frameSource);
  return (
    <div className="flex flex-col gap-2" aria-label={t('panelLabel')} role="group">
      <section aria-labelledby="trace-tree-title" className={panel}>
        <h2 id="trace-tree-title" className={sectionTitle}>{t('tree.toggle')}</h2>
        <SpreadTreePanel />
      </section>
      <SpaceTimeCard id="trace-st-title" help={t('st.help')} store={spreadTraceStore} trace={session.trace} />
      <section aria-labelledby="trace-hand-title" className={panel}>
        <h2 id="trace-hand-title" className={sectionTitle}>{t('hand.title')}</h2>
        <HandPlayPanel />
      </section>
    </div>
  );
}
