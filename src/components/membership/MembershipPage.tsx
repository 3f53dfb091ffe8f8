import { useEffect, useState, type JSX, type ReactNode } from 'react';
import { RunContext } from '../../hooks/useRun';
import type { InitialMembershipRun } from '../../session/initial-run';
import { membershipStore } from '../../store/membership-store';
import { CatchUpProgress } from '../timeline/CatchUpProgress';
import { TimeScrubber } from '../timeline/TimeScrubber';
import { MembershipCaption as MembershipPresenterCaption } from '../presenter/Captions';
import { PresenterView } from '../presenter/PresenterView';
import { MembershipReadouts } from '../presenter/Readouts';
import { useKeyboardShortcuts } from '../../hooks/useKeyboardShortcuts';
import type { RenderMode } from '../../render/graph-renderer';
import { selectPreset, selectView, useMembership } from '../../store/membership-store';
import { btn } from '../ui-classes';
import { MatrixView } from './MatrixView';
import { MembershipActions } from './MembershipActions';
import { MembershipCaption } from './MembershipCaption';
import { MEMBERSHIP_CHARTS, MembershipCharts, ReconnectComparison } from './MembershipCharts';
import { ShareExportPanel } from '../share/ShareExportPanel';
import { MembershipGraph } from './MembershipGraph';
import { MembershipInspector } from './MembershipInspector';
import { MembershipLegend } from './MembershipLegend';
import { MembershipMetrics } from './MembershipMetrics';
import { Notices } from '../Notices';
import { WorkerError } from '../WorkerError';
import { MembershipPresets } from './MembershipPresets';
import { RunControls } from '../RunControls';
import { MembershipSettings } from './MembershipSettings';
import { MembershipStatusBar } from './MembershipStatusBar';
import type { Theme } from '../../view/membership-style';
import { membershipSession } from '../../session/page-instances';
import { MembershipSpaceTimeTab } from '../trace/MembershipSpaceTimeTab';
import { SideDrawer } from '../layout/SideDrawer';
import { StageLayout } from '../layout/StageLayout';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import type { ExportedChart } from '../share/ChartExportButtons';

/** The membership charts for the export buttons, named in the page's language (call it on render). */
function membershipCharts(): readonly ExportedChart[] {
  const t = i18next.t;
  return MEMBERSHIP_CHARTS.map((c) => ({
    ...c, label: t(`share:membershipCharts.${c.name}`), title: t(`share:membershipCharts.${c.name}Title`), noun: t(`share:membershipCharts.${c.name}Name`),
  }));
}

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
 * The membership mode: "who is alive?" by SWIM or heartbeat gossip. Status on top, run controls
 * and settings on the left, the graph (or the belief matrix) taking the rest; the preset's
 * caption, metrics, inspector, legend and the charts fold into the side drawer. The run survives a switch to
 * Dissemination and back; it pauses while hidden.
 */
export function MembershipPage({ theme, initial = null, presenting = false, onLeavePresenter = () => {}, lesson = null }: {
  theme: Theme;
  initial?: InitialMembershipRun | null;
  presenting?: boolean;
  onLeavePresenter?(): void;
  /** A lesson is open: its card takes the controls' place, its caption presenter mode's, and Page Down/Up move its steps. */
  lesson?: { panel: ReactNode; caption: ReactNode } | null;
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
  // Capture phase and every key marked handled: the dissemination shortcuts stay off this run.
  useKeyboardShortcuts(session, { exclusive: true, clickerKeys: lesson === null });
  return (
    <RunContext.Provider value={run}>
      <MembershipStatusBar />
      <StageLayout
        controls={lesson ? lesson.panel : (
          <nav aria-label={t('ui.controls')} className="flex min-h-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:overflow-y-auto dark:border-slate-700 dark:bg-slate-900">
            <RunControls idPrefix="m-" />
            <MembershipSettings />
            <MembershipActions mode={mode} setMode={setMode} />
            <MembershipPresets />
            <ShareExportPanel charts={membershipCharts()} />
          </nav>
        )}
        graph={
          <div className="relative flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
            <ViewToggle />
            <div className="relative min-h-0 flex-1">
              {view === 'graph' ? <MembershipGraph theme={theme} mode={mode} onModeDone={() => setMode('select')} /> : <div className="absolute inset-0 pt-9"><MatrixView theme={theme} /></div>}
            </div>
            <TimeScrubber />
            <Notices offset="top-12" />
            <CatchUpProgress />
            <WorkerError />
          </div>
        }
        drawer={
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
                    <MembershipCaption />
                    <ReconnectComparison theme={theme} />
                    <MembershipInspector />
                    <MembershipMetrics />
                    <MembershipLegend theme={theme} />
                  </>
                ),
              },
              { id: 'charts', label: t('common:drawer.tabs.charts'), content: <MembershipCharts theme={theme} stacked /> },
              MembershipSpaceTimeTab(),
            ]}
          />
        }
      />
      {presenting && (
        <PresenterView
          graph={<MembershipGraph theme={theme} mode="select" onModeDone={() => {}} />}
          readouts={<MembershipReadouts />}
          caption={lesson ? lesson.caption : <MembershipPresenterCaption />}
          onLeave={onLeavePresenter}
        />
      )}
    </RunContext.Provider>
  );
}
