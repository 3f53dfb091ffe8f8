import { useCallback, useEffect, useState, type JSX } from 'react';
import { ChartsPanel } from './components/ChartsPanel';
import { ConflictPanel } from './components/ConflictPanel';
import { ControlPanel } from './components/ControlPanel';
import { GraphPane, SpreadGraph } from './components/GraphPane';
import { SpreadCaption } from './components/presenter/Captions';
import { PresenterView } from './components/presenter/PresenterView';
import { SpreadReadouts } from './components/presenter/Readouts';
import { ShortcutsDialog } from './components/presenter/ShortcutsDialog';
import { usePageKeys } from './hooks/usePageKeys';
import { HealPanel } from './components/HealPanel';
import { Header } from './components/Header';
import { Inspector } from './components/Inspector';
import { Legend } from './components/Legend';
import { MembershipPage } from './components/membership/MembershipPage';
import { ModeSwitch, type AppMode } from './components/membership/ModeSwitch';
import { PresetCaption } from './components/PresetCaption';
import { RumorPanel } from './components/RumorPanel';
import { StatusBar } from './components/StatusBar';
import { StoryPanel } from './components/StoryPanel';
import { TimelinePanel } from './components/TimelinePanel';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { useRunMemory } from './hooks/useRunMemory';
import { useTestHook } from './hooks/useTestHook';
import { chooseInitialRun, isMembershipRun } from './session/initial-run';
import { runMemory } from './session/persistence';
import { RunContext } from './hooks/useRun';
import { SessionContext } from './hooks/useSession';
import { useThemeClass } from './hooks/useThemeClass';
import { selectTheme } from './store/selectors';
import { Session } from './session/session';
import { frameSource, membershipFrameSource } from './session/page-instances';
import { membershipStateHash, stateHash } from './run/state-hash';
import { membershipStore } from './store/membership-store';
import { gossipStore, useGossip } from './store/store';
import { EngineClient } from './worker/client';

/**
 * The page: status on top, controls on the left, the graph in the middle with the charts
 * under it; on the right what to watch (story, preset caption), the measures (rumor,
 * conflicting writes, the heal's outcome), the timeline, the inspector and the legend. Sized to the viewport so nothing
 * essential falls below the fold on a 1280×720 projector.
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

export default function App(): JSX.Element {
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
  useRunMemory(session, gossipStore, runMemory);
  const theme = useGossip(selectTheme);
  useThemeClass(theme);
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
      <RunContext.Provider value={run}>
      <div className="flex h-full min-h-[600px] flex-col">
        <div className="flex items-stretch">
          <div className="min-w-0 flex-1">
            <Header mode={mode} onPresent={() => setPresenting(true)} onShortcuts={openShortcuts} />
          </div>
          <ModeSwitch mode={mode} onChange={changeMode} />
        </div>
        {mode === 'membership' ? (
          <MembershipPage theme={theme} initial={isMembershipRun(initial) ? initial : null} presenting={presenting} onLeavePresenter={leavePresenter} />
        ) : (
          <>
            <StatusBar />
            <main className="grid min-h-0 flex-1 grid-cols-[19rem_minmax(0,1fr)_17rem] gap-2 p-2 2xl:grid-cols-[22rem_minmax(0,1fr)_21rem] 2xl:gap-3 2xl:p-3">
              <ControlPanel />
              <div className="flex min-h-0 flex-col gap-2 2xl:gap-3">
                <GraphPane />
                <div className="shrink-0">
                  <ChartsPanel />
                </div>
              </div>
              <aside aria-label="Details" tabIndex={0} className="flex min-h-0 flex-col gap-2 overflow-y-auto 2xl:gap-3">
                <StoryPanel />
                <PresetCaption />
                <ConflictPanel />
                <HealPanel />
                <RumorPanel />
                <TimelinePanel />
                <Inspector />
                <Legend />
              </aside>
            </main>
            {presenting && <PresenterView graph={<SpreadGraph />} readouts={<SpreadReadouts />} caption={<SpreadCaption />} onLeave={leavePresenter} />}
          </>
        )}
        {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      </div>
      </RunContext.Provider>
    </SessionContext.Provider>
  );
}
