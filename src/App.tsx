import { useCallback, useEffect, useState, type JSX } from 'react';
import { ShortcutsDialog } from './components/presenter/ShortcutsDialog';
import { usePageKeys } from './hooks/usePageKeys';
import { Header } from './components/Header';
import { MembershipPage } from './components/membership/MembershipPage';
import { ModeSwitch, type AppMode } from './components/membership/ModeSwitch';
import { SpreadPage } from './components/SpreadPage';
import { LessonContext } from './hooks/useLessons';
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
import { SessionContext } from './hooks/useSession';
import { useThemeClass } from './hooks/useThemeClass';
import { selectTheme, selectThemeChoice } from './store/selectors';
import { Session } from './session/session';
import { frameSource, membershipFrameSource, membershipSession } from './session/page-instances';
import { membershipStateHash, stateHash } from './run/state-hash';
import { membershipStore } from './store/membership-store';
import { gossipStore, useGossip } from './store/store';
import { EngineClient } from './worker/client';

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

/**
 * The page: the header with the mode tabs, then the mode shown (components/layout/ModePage.tsx
 * lays both out alike). It owns what outlives a mode switch: both runs, the kept runs, the course.
 */
export default function App(): JSX.Element {
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
  // Runs kept to compare (Compare): a link's, else the remembered ones; their curves recomputed in a worker.
  const [keptRuns] = useState(() => new KeptRuns(compareStore, curveComputer(), browserStorage(), (tone, text) => session.say(tone, text)));
  const [openingHash] = useState(() => window.location.hash);
  useEffect(() => keptRuns.open(openingHash), [keptRuns, openingHash]);
  const theme = useGossip(selectTheme);
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
  useTestHook(mode === 'membership' ? membershipStore : gossipStore, mode === 'membership' ? membershipHash : spreadHash);
  const [presenting, setPresenting] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const leavePresenter = useCallback(() => setPresenting(false), []);
  const openShortcuts = useCallback(() => setShortcuts(true), []);
  usePageKeys({ presenting, setPresenting, showShortcuts: openShortcuts, lesson: lessonOpen ? lessons : null });
  const pageState = { presenting, onLeavePresenter: leavePresenter, lessonOpen };

  return (
    <SessionContext.Provider value={session}>
      <KeptRunsContext.Provider value={keptRuns}>
      <LessonContext.Provider value={lessons}>
      <div className="flex min-h-full flex-col md:h-full md:min-h-[600px]">
        <div className="flex flex-wrap items-stretch md:flex-nowrap">
          <div className="min-w-0 flex-1 basis-full md:basis-auto">
            <Header mode={mode} onPresent={() => setPresenting(true)} onShortcuts={openShortcuts} lessons={<LessonsButton />} />
          </div>
          <ModeSwitch mode={mode} onChange={changeMode} />
        </div>
        {mode === 'membership' ? <MembershipPage theme={theme} initial={start.membership} state={pageState} /> : <SpreadPage state={pageState} />}
        {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      </div>
      </LessonContext.Provider>
      </KeptRunsContext.Provider>
    </SessionContext.Provider>
  );
}
