import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartsPanel } from './components/ChartsPanel';
import { ControlPanel } from './components/ControlPanel';
import { GraphPane, SpreadGraph } from './components/GraphPane';
import { SpreadCaption } from './components/presenter/Captions';
import { PresenterView } from './components/presenter/PresenterView';
import { SpreadReadouts } from './components/presenter/Readouts';
import { ShortcutsDialog } from './components/presenter/ShortcutsDialog';
import { usePageKeys } from './hooks/usePageKeys';
import { Header } from './components/Header';
import { MembershipPage } from './components/membership/MembershipPage';
import { ModeSwitch, type AppMode } from './components/membership/ModeSwitch';
import { StatusBar } from './components/StatusBar';
import { TimelinePanel } from './components/TimelinePanel';
import { SideDrawer } from './components/layout/SideDrawer';
import { StageLayout } from './components/layout/StageLayout';
import { SpreadDetails } from './components/SpreadDetails';
import { TraceTab } from './components/trace/TraceTab';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { useRunMemory } from './hooks/useRunMemory';
import { useTestHook } from './hooks/useTestHook';
import { chooseInitialRun, isMembershipRun } from './session/initial-run';
import { browserStorage, runMemory } from './session/persistence';
import { KeptRuns } from './session/kept-runs';
import { KeptRunsContext } from './hooks/useKeptRuns';
import { compareStore } from './store/compare-store';
import { curveComputer } from './worker/curve-client';
import { RunContext } from './hooks/useRun';
import { SessionContext } from './hooks/useSession';
import { useThemeClass } from './hooks/useThemeClass';
import { selectPreset, selectStory, selectTheme, selectThemeChoice } from './store/selectors';
import { Session } from './session/session';
import { frameSource, membershipFrameSource } from './session/page-instances';
import { membershipStateHash, stateHash } from './run/state-hash';
import { membershipStore } from './store/membership-store';
import { gossipStore, useGossip } from './store/store';
import { EngineClient } from './worker/client';

/**
 * The page: status on top, the controls a teacher needs every minute on the left, the graph
 * taking the rest; the charts, details (story, caption, the measures, inspector, legend) and
 * timeline fold into a side drawer, so the graph keeps at least half of a 1280×720 projector.
 */
/** The state shown, hashed for the read-only test hook (stable functions: the hook is set once per mode). */
const spreadHash = (): string | null => {
  const f = frameSource.frame();
  return f ? stateHash(f) : null;
};
const membershipHash = (): string | null => {
  const f = membershipFrameSource.detail();
  return f ? membershipStateHash(f) : null;
};

/** What opens the drawer when the Partition healing story starts (it has no preset). */
const STORY = 'story';

export default function App(): JSX.Element {
  const { t } = useTranslation();
  const [session] = useState(() => new Session({ store: gossipStore, frames: frameSource, createClient: (h) => new EngineClient(h) }));
  // A share link in the URL, else the remembered run, else the form's defaults.
  const [initial] = useState(() => {
    gossipStore.setState({ remember: runMemory.remember });
    return chooseInitialRun(window.location.hash, runMemory);
  });
  useEffect(() => {
    // A membership run's link opens that mode; the dissemination run starts from its form.
    session.startWith(isMembershipRun(initial) ? null : initial);
    return () => session.dispose();
  }, [session, initial]);
  const [run] = useState(() => ({ session, store: gossipStore }));
  // Runs kept to compare (Compare): a link's, else the remembered ones; their curves recomputed in a worker.
  const [keptRuns] = useState(() => new KeptRuns(compareStore, curveComputer(), browserStorage(), (tone, text) => session.say(tone, text)));
  const [openingHash] = useState(() => window.location.hash);
  useEffect(() => keptRuns.open(openingHash), [keptRuns, openingHash]);
  useRunMemory(session, gossipStore, runMemory);
  const theme = useGossip(selectTheme);
  const preset = useGossip(selectPreset);
  // The Partition healing story is told in Details too; its view changes every beat, so it counts as one key.
  const storyOn = useGossip(selectStory) !== null;
  useThemeClass(useGossip(selectThemeChoice));
  // Membership is a separate mode with its own run; the dissemination run pauses while it is shown.
  const [mode, setMode] = useState<AppMode>(isMembershipRun(initial) ? 'membership' : 'dissemination');
  useKeyboardShortcuts(session, { enabled: mode === 'dissemination' });
  useTestHook(mode === 'membership' ? membershipStore : gossipStore, mode === 'membership' ? membershipHash : spreadHash);
  const [presenting, setPresenting] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const leavePresenter = useCallback(() => setPresenting(false), []);
  const openShortcuts = useCallback(() => setShortcuts(true), []);
  usePageKeys({ presenting, setPresenting, showShortcuts: openShortcuts });
  const changeMode = (m: AppMode): void => {
    if (m === 'membership') session.pause();
    setMode(m);
  };

  return (
    <SessionContext.Provider value={session}>
      <KeptRunsContext.Provider value={keptRuns}>
      <RunContext.Provider value={run}>
      <div className="flex min-h-full flex-col md:h-full md:min-h-[600px]">
        <div className="flex flex-wrap items-stretch md:flex-nowrap">
          <div className="min-w-0 flex-1 basis-full md:basis-auto">
            <Header mode={mode} onPresent={() => setPresenting(true)} onShortcuts={openShortcuts} />
          </div>
          <ModeSwitch mode={mode} onChange={changeMode} />
        </div>
        {mode === 'membership' ? (
          <MembershipPage theme={theme} initial={isMembershipRun(initial) ? initial : null} presenting={presenting} onLeavePresenter={leavePresenter} />
        ) : (
          <>
            <StatusBar />
            <StageLayout
              controls={<ControlPanel />}
              graph={<GraphPane />}
              drawer={
                <SideDrawer
                  label={t('drawer.label')}
                  storageKey="spread-drawer"
                  openOn={{ when: preset ?? (storyOn ? STORY : null), tab: 'details' }}
                  tabs={[
                    { id: 'details', label: t('drawer.tabs.details'), content: <SpreadDetails /> },
                    { id: 'timeline', label: t('drawer.tabs.timeline'), content: <TimelinePanel /> },
                    { id: 'charts', label: t('drawer.tabs.charts'), content: <ChartsPanel stacked /> },
                    TraceTab(),
                  ]}
                />
              }
            />
            {presenting && <PresenterView graph={<SpreadGraph />} readouts={<SpreadReadouts />} caption={<SpreadCaption />} onLeave={leavePresenter} />}
          </>
        )}
        {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      </div>
      </RunContext.Provider>
      </KeptRunsContext.Provider>
    </SessionContext.Provider>
  );
}
