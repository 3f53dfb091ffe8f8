import i18next from 'i18next';
import { membershipSession } from '../../session/page-instances';
import { membershipTraceStore } from '../../store/trace-store';
import type { DrawerTab } from '../layout/SideDrawer';
import { SpaceTimeCard } from './SpaceTimeCard';
import { TracePanel } from './TracePanel';

/** The drawer tab of the "who told whom" views (its label follows the page's language). */
export function TraceTab(): DrawerTab {
  return { id: 'trace', label: i18next.t('tab', { ns: 'trace' }), content: <TracePanel /> };
}

/** The membership drawer's tab for the space-time diagram: probes, acks and heartbeats between rounds, one lane per node. */
export function MembershipSpaceTimeTab(): DrawerTab {
  const t = i18next.getFixedT(null, 'trace');
  return {
    id: 'space-time',
    label: t('st.tab'),
    content: <SpaceTimeCard id="m-trace-st-title" help={t('st.membershipHelp')} store={membershipTraceStore} trace={membershipSession().spaceTime} />,
  };
}
