import type { JSX, ReactNode } from 'react';
import { useKeyboardShortcuts } from '../../hooks/useKeyboardShortcuts';
import { RunContext, type RunContextValue } from '../../hooks/useRun';
import { LessonCaption } from '../lessons/LessonCaption';
import { LessonPanel } from '../lessons/LessonPanel';
import { Notices } from '../Notices';
import { PresenterView } from '../presenter/PresenterView';
import { CatchUpProgress } from '../timeline/CatchUpProgress';
import { TimeScrubber } from '../timeline/TimeScrubber';
import { WorkerError } from '../WorkerError';

/** What the page tells whichever mode it shows. */
export interface PageState {
  presenting: boolean;
  onLeavePresenter(): void;
  /** A lesson is open: its card takes the controls' place, its caption presenter mode's, and Page Down/Up move its steps. */
  lessonOpen: boolean;
}

/** One mode's own parts; ModePage puts them in the same places for both modes. */
export interface ModeParts {
  /** The mode's run: its session and store, for the controls both modes share. */
  run: RunContextValue;
  /** Listen to the run keys in the capture phase, marking them handled (useKeyboardShortcuts' `exclusive`). */
  exclusiveKeys?: boolean;
  status: ReactNode;
  /** The left column: run, settings, actions, presets, files; `label` names its landmark. */
  controls: { label: string; content: ReactNode };
  /**
   * The graph (or what stands in for it), with notices floating over its top edge (below the
   * `toolbar` floating there, if any) and the time scrubber as the pane's footer. `drawing`: a
   * drag draws a split line or a lasso, and the frame says so.
   */
  graph: { content: ReactNode; toolbar?: ReactNode; drawing?: boolean };
  /** The SideDrawer beside the graph. */
  drawer: ReactNode;
  /** Presenter mode's second graph, its big readouts and its caption. */
  presenter: { graph: ReactNode; readouts: ReactNode; caption: ReactNode };
}

/**
 * A mode's page, the same shape for both, laid out for a room: status on top, the controls a
 * teacher reaches for every minute on the left, the graph taking the rest, the side drawer
 * (charts, details…, folded by default) on the right, so the graph keeps at least half of a
 * 1280×720 projector. On a phone the page scrolls instead: the graph on top, the controls under
 * it, then the drawer, each the full width. Presenter mode and an open lesson take over the same
 * places in both modes.
 */
export function ModePage({ parts, state }: { parts: ModeParts; state: PageState }): JSX.Element {
  const { run, controls, graph, presenter } = parts;
  useKeyboardShortcuts(run.session, { exclusive: parts.exclusiveKeys, clickerKeys: !state.lessonOpen });
  const frame = graph.drawing ? 'border-fuchsia-500 ring-2 ring-fuchsia-500' : 'border-slate-200 dark:border-slate-700';
  return (
    <RunContext.Provider value={run}>
      {parts.status}
      <main className="flex flex-col gap-2 p-2 md:grid md:min-h-0 md:flex-1 md:grid-cols-[17rem_minmax(0,1fr)_auto] xl:grid-cols-[19rem_minmax(0,1fr)_auto] 2xl:grid-cols-[22rem_minmax(0,1fr)_auto] 2xl:gap-3 2xl:p-3">
        <div className="order-2 flex min-h-0 flex-col md:order-none">
          {state.lessonOpen ? <LessonPanel /> : (
            <nav aria-label={controls.label} className="flex min-h-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:overflow-y-auto dark:border-slate-700 dark:bg-slate-900">
              {controls.content}
            </nav>
          )}
        </div>
        <div className="order-1 flex h-[62vh] min-h-0 flex-col gap-2 md:order-none md:h-auto 2xl:gap-3">
          {/* The scrubber inside the pane's frame costs the graph no extra gap or border. */}
          <div className={`relative flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border bg-white dark:bg-slate-900 ${frame}`}>
            <div className="relative min-h-0 flex-1">
              {graph.toolbar}
              {graph.content}
            </div>
            <TimeScrubber />
            <Notices offset={graph.toolbar ? 'top-12' : 'top-2'} />
            <CatchUpProgress />
            <WorkerError />
          </div>
        </div>
        <div className="order-3 min-h-0 md:order-none">{parts.drawer}</div>
      </main>
      {state.presenting && <PresenterView {...presenter} caption={state.lessonOpen ? <LessonCaption /> : presenter.caption} onLeave={state.onLeavePresenter} />}
    </RunContext.Provider>
  );
}
