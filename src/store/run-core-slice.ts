import type { ScenarioProblem } from '../engine/scenario';
import type { ScheduleEntry } from '../run/schedule';

/**
 * What every run's state holds, whatever its model: pacing, the round shown and the newest,
 * time travel, the timeline, the selection, notices. Both modes' stores include it, so one
 * session core (src/session/run-session.ts) and the shared controls serve both.
 */

export type RunStatus = 'idle' | 'playing' | 'paused';

/** Rounds per second the speed slider offers (both modes); `initial` also stands in for a non-number. */
export const SPEED_LIMITS = { min: 0.5, max: 30, initial: 2 } as const;

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

/** A scenario file that could not be imported, and why (each problem with its JSON path). */
export interface ImportFailure {
  fileName: string;
  problems: ScenarioProblem[];
}

export interface RunCoreSlice {
  /** idle: a fresh run at round 0; playing; paused mid-run. */
  status: RunStatus;
  /** Rounds per second. */
  speed: number;
  /** Building a run (between a reset and its first frame, or while catching up to a link's round). */
  building: boolean;
  /** The round shown: the newest, or an earlier one while looking back (time travel). */
  round: number;
  /** The newest round run so far. */
  lastRound: number;
  /** The round the timeline slider asked for, until the worker shows it. */
  seekTarget: number | null;
  /** Rebuilding a shared or remembered run up to this round (null when not). */
  catchUpTo: number | null;
  /** Actions applied since the run was built (a form change rebuilds silently only while 0 at round 0). */
  actions: number;
  selected: number | null;
  /** Current packet loss, 0–1. */
  loss: number;
  /** Messages between groups are blocked somewhere. */
  partitioned: boolean;
  /** The scenario timeline (scheduled and recorded actions). */
  schedule: ScheduleEntry[];
  notices: Notice[];
  /** The last scenario file refused (the run is unchanged), until dismissed. */
  importFailure: ImportFailure | null;
  /** The worker died or hung: the page shows this with a Restart button. */
  workerError: string | null;
  pushNotice(tone: Notice['tone'], text: string): number;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;
/** At most this many notices are on screen; older ones give way. */
const MAX_NOTICES = 3;

/**
 * How a slice sets its own fields. Slices are typed by their own fields only, so they never
 * import the whole store's type (and the store and its slices import each other in no circle).
 */
export type SetState<T> = (patch: Partial<T> | ((s: T) => Partial<T>)) => void;

/** The core fields as a fresh page has them, and the notice actions. */
export function createRunCore(set: SetState<RunCoreSlice>): RunCoreSlice {
  return {
    status: 'idle',
    speed: SPEED_LIMITS.initial,
    building: true,
    round: 0,
    lastRound: 0,
    seekTarget: null,
    catchUpTo: null,
    actions: 0,
    selected: null,
    loss: 0,
    partitioned: false,
    schedule: [],
    notices: [],
    importFailure: null,
    workerError: null,
    pushNotice: (tone, text) => {
      const id = nextNoticeId++;
      set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id, tone, text }].slice(-MAX_NOTICES) }));
      return id;
    },
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
}
