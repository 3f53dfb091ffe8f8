import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderMode } from '../../render/graph-renderer';
import type { InitialMembershipRun } from '../../session/initial-run';
import { membershipSession } from '../../session/page-instances';
import { membershipStore, selectPreset, selectView, useMembership } from '../../store/membership-store';
import type { Theme } from '../../view/membership-style';
import { ModePage, type PageState } from '../layout/ModePage';
import { MembershipPresenterCaption, MembershipPresetCaption } from '../PresetCaption';
import { MembershipPresets } from '../PresetsPanel';
import { SideDrawer } from '../layout/SideDrawer';
import { MembershipReadouts } from '../presenter/Readouts';
import { RunControls } from '../RunControls';
import { ShareExportPanel } from '../share/ShareExportPanel';
import { MembershipSpaceTimeTab } from '../trace/TraceTab';
import { btn } from '../ui-classes';
import { MatrixView } from './MatrixView';
import { MembershipActions } from './MembershipActions';
import { exportedMembershipCharts, MembershipCharts, ReconnectComparison } from './MembershipCharts';
import { MembershipGraph } from './MembershipGraph';
import { MembershipInspector } from './MembershipInspector';
import { MembershipLegend } from './MembershipLegend';
import { MembershipMetrics } from './MembershipMetrics';
import { MembershipSettings } from './MembershipSettings';
import { MembershipStatusBar } from './MembershipStatusBar';

function ViewToggle(): JSX.Element {
  const { t } = useTranslation('membership');
  const view = useMembership(selectView);
  const b = (id: 'graph' | 'matrix', label: string, title: string): JSX.Element => (
    <button
      type="button"
      aria-pressed={view === id}
      title={title}
      onClick={() => membershipSession().setView(id)}
      className={`${btn.base} px-2 py-0.5 text-sm ${view === id ? btn.primary : btn.secondary}`}
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label={t('ui.view')} className="absolute top-2 left-2 z-10 flex gap-1">
      {b('graph', t('ui.viewGraph'), t('ui.viewGraphTitle'))}
      {b('matrix', t('ui.viewMatrix'), t('ui.viewMatrixTitle'))}
    </div>
  );
}

/**
 * The membership mode: "who is alive?" by SWIM or heartbeat gossip, in ModePage's places; the
 * graph can give way to the belief matrix. The run survives a switch to Dissemination and back;
 * it pauses while hidden.
 */
export function MembershipPage({ theme, initial = null, state }: {
  theme: Theme;
  initial?: InitialMembershipRun | null;
  state: PageState;
}): JSX.Element {
  const { t } = useTranslation(['membership', 'common']);
  const session = membershipSession();
  const view = useMembership(selectView);
  const preset = useMembership(selectPreset);
  const [run] = useState(() => ({ session, store: membershipStore }));
  // Page-local: only the Faults buttons and the graph care whether a drag pans, splits or lassos.
  const [mode, setMode] = useState<RenderMode>('select');
  useEffect(() => {
    session.startWith(initial);
    return () => session.pause();
  }, [session, initial]);
  return (
    <ModePage
      state={state}
      parts={{
        run,
        // Capture phase and every key marked handled: the dissemination shortcuts stay off this run.
        exclusiveKeys: true,
        status: <MembershipStatusBar />,
        controls: {
          label: t('ui.controls'),
          content: (
            <>
              <RunControls idPrefix="m-" />
              <MembershipSettings />
              <MembershipActions mode={mode} setMode={setMode} />
              <MembershipPresets />
              <ShareExportPanel charts={exportedMembershipCharts()} />
            </>
          ),
        },
        graph: {
          toolbar: <ViewToggle />,
          content: view === 'graph'
            ? <MembershipGraph theme={theme} mode={mode} onModeDone={() => setMode('select')} />
            : <div className="absolute inset-0 pt-9"><MatrixView theme={theme} /></div>,
        },
        drawer: (
          <SideDrawer
            label={t('ui.details')}
            storageKey="membership-drawer"
            openOn={{ when: preset, tab: 'details' }}
            tabs={[
              {
                id: 'details',
                label: t('common:drawer.tabs.details'),
                content: (
                  <>
                    <MembershipPresetCaption />
                    <ReconnectComparison theme={theme} />
                    <MembershipInspector />
                    <MembershipMetrics />
                    <MembershipLegend theme={theme} />
                  </>
                ),
              },
              { id: 'charts', label: t('common:drawer.tabs.charts'), content: <MembershipCharts theme={theme} /> },
              MembershipSpaceTimeTab(),
            ]}
          />
        ),
        presenter: {
          graph: <MembershipGraph theme={theme} mode="select" onModeDone={() => {}} />,
          readouts: <MembershipReadouts />,
          caption: <MembershipPresenterCaption />,
        },
      }}
    />
  );
}
