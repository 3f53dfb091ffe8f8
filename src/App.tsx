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
import { LessonContext, useLessonKeys } from './hooks/useLessons';
import { LessonCaption } from './components/lessons/LessonCaption';
import { LessonPanel } from './components/lessons/LessonPanel';
import { LessonsButton } from './components/lessons/LessonsButton';
import { LessonConductor } from './session/lesson-conductor';
import { lessonStore, useLesson } from './store/lesson-store';
import { useRunMemory } from './hooks/useRunMemory';
import { useTestHook } from './hooks/useTestHook';
import { choosePageStart } from './session/initial-run';
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
import { frameSource, membershipFrameSource, membershipSession } from './session/page-instances';
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

const selectLessonOpen = (s: { open: boolean }) => s.open;
/** What opens the drawer when the Partition healing story starts (it has no preset). */
const STORY = 'story';

export default function App(): JSX.Element {
  const { t } = useTranslation();
  const [session] = useState(() => new Session({ store: gossipStore, frames: frameSource, createClient: (h) => new EngineClient(h) }));
  // A share link in the URL, else the page as it was left (both runs, the mode, the speeds), else the forms' defaults.
  const [start] = useState(() => {
    gossipStore.setState({ remember: runMemory.remember });
    return choosePageStart(window.location.hash, runMemory);
  });
  useEffect(() => {
    session.startWith(start.spread);
    return () => session.dispose();
  }, [session, start]);
  const [run] = useState(() => ({ session, store: gossipStore }));
  // Runs kept to compare (Compare): a link's, else the remembered ones; their curves recomputed in a worker.
  const [keptRuns] = useState(() => new KeptRuns(compareStore, curveComputer(), browserStorage(), (tone, text) => session.say(tone, text)));
  const [openingHash] = useState(() => window.location.hash);
  useEffect(() => keptRuns.open(openingHash), [keptRuns, openingHash]);
  const theme = useGossip(selectTheme);
  const preset = useGossip(selectPreset);
  // The Partition healing story is told in Details too; its view changes every beat, so it counts as one key.
  const storyOn = useGossip(selectStory) !== null;
  useThemeClass(useGossip(selectThemeChoice));
  // Membership is a separate mode with its own run; the dissemination run pauses while it is shown.
  const [mode, setMode] = useState<AppMode>(start.mode);
  const changeMode = useCallback((m: AppMode): void => {
    if (m === 'membership') session.pause();
    setMode(m);
  }, [session]);
  // The course: a lesson link opens its step once the run is up; a step may switch the mode.
  const [lessons] = useState(() => new LessonConductor({
    store: lessonStore,
    spread: { session, store: gossipStore, frames: frameSource },
    membership: { session: membershipSession, store: membershipStore },
    setMode: (m) => changeMode(m),
    storage: window.localStorage,
    url: {
      search: () => window.location.search,
      replace: (search) => window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`),
    },
  }));
  useEffect(() => {
    lessons.start();
    return () => lessons.dispose();
  }, [lessons]);
  const lessonOpen = useLesson(selectLessonOpen);
  useRunMemory(session, gossipStore, runMemory, mode);
  useLessonKeys(lessons, lessonOpen);
  useKeyboardShortcuts(session, { enabled: mode === 'dissemination', clickerKeys: !lessonOpen });
  useTestHook(mode === 'membership' ? membershipStore : gossipStore, mode === 'membership' ? membershipHash : spreadHash);
  const [presenting, setPresenting] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const leavePresenter = useCallback(() => setPresenting(false), []);
  const openShortcuts = useCallback(() => setShortcuts(true), []);
  usePageKeys({ presenting, setPresenting, showShortcuts: openShortcuts });

  return (
    <SessionContext.Provider value={session}>
      <KeptRunsContext.Provider value={keptRuns}>
      <LessonContext.Provider value={lessons}>
      <RunContext.Provider value={run}>
      <div className="flex min-h-full flex-col md:h-full md:min-h-[600px]">
        <div className="flex flex-wrap items-stretch md:flex-nowrap">
          <div className="min-w-0 flex-1 basis-full md:basis-auto">
            <Header mode={mode} onPresent={() => setPresenting(true)} onShortcuts={openShortcuts} lessons={<LessonsButton />} />
          </div>
          <ModeSwitch mode={mode} onChange={changeMode} />
        </div>
        {mode === 'membership' ? (
          <MembershipPage
            theme={theme}
            initial={start.membership}
            presenting={presenting}
            onLeavePresenter={leavePresenter}
            lesson={lessonOpen ? { panel: <LessonPanel />, caption: <LessonCaption /> } : null}
          />
        ) : (
          <>
            <StatusBar />
            <StageLayout
              controls={lessonOpen ? <LessonPanel /> : <ControlPanel />}
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
            {presenting && <PresenterView graph={<SpreadGraph />} readouts={<SpreadReadouts />} caption={lessonOpen ? <LessonCaption /> : <SpreadCaption />} onLeave={leavePresenter} />}
          </>
        )}
        {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      </div>
      </RunContext.Provider>
      </LessonContext.Provider>
      </KeptRunsContext.Provider>
    </SessionContext.Provider>
  );
}
