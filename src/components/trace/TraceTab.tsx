import i18next from 'i18next';
import type { DrawerTab } from '../layout/SideDrawer';
import { TracePanel } from './TracePanel';

/** The drawer tab of the "who told whom" views (its label follows the page's language). */
export function TraceTab(): DrawerTab {
  return { id: 'trace', label: i18next.t('tab', { ns: 'trace' }), content: <TracePanel /> };
}
