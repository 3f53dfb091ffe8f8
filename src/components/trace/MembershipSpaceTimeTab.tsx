import { useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { useShown } from '../../hooks/useShown';
import { membershipSession } from '../../session/page-instances';
import { membershipTraceStore } from '../../store/trace-store';
import type { DrawerTab } from '../layout/SideDrawer';
import { panel, sectionTitle } from '../ui-classes';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';

/** Membership's space-time diagram: probes, acks and heartbeats between rounds, one lane per node. */
function MembershipSpaceTimePanel(): JSX.Element {
  const { t } = useTranslation('trace');
  const ref = useRef<HTMLDivElement>(null);
  const shown = useShown(ref);
  return (
    <section ref={ref} aria-labelledby="m-trace-st-title" className={panel}>
      <h2 id="m-trace-st-title" className={sectionTitle}>{t('st.title')}</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t('st.membershipHelp')}</p>
      <SpaceTimeDiagram store={membershipTraceStore} trace={membershipSession().spaceTime} visible={shown} />
    </section>
  );
}

/** The membership drawer's tab for the diagram (its label follows the page's language). */
export function MembershipSpaceTimeTab(): DrawerTab {
  return { id: 'space-time', label: i18next.t('st.tab', { ns: 'trace' }), content: <MembershipSpaceTimePanel /> };
}
