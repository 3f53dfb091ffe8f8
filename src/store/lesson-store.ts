import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Where the student is in the course and what the current step is doing. Plain fields only:
 * the course itself (src/lessons) and its orchestration (session/lesson-conductor.ts) live
 * elsewhere.
 *
 * A step's phases: `predict` (the run waits for the student's prediction, or a skip), `running`
 * (the run plays until the engine has measured the answer), `answered` (engine beside
 * prediction and theory), `free` (a step without a prediction: a challenge, or just watching).
 */
export type LessonPhase = 'predict' | 'running' | 'answered' | 'free';

/** A challenge's verdict as shown: its i18n key and numbers. */
export interface LessonVerdict {
  ok: boolean;
  key: string;
  values: Record<string, number>;
}

export interface LessonState {
  open: boolean;
  /** 0-based. */
  chapter: number;
  step: number;
  phase: LessonPhase;
  /** The student's prediction: a number, a choice id, or null (none yet, or skipped). */
  predicted: number | string | null;
  skipped: boolean;
  /** What the engine measured (null until it has). */
  answer: number | null;
  verdict: LessonVerdict | null;
  /** `chapterId/stepId` of the steps done. */
  done: string[];
}

export const INITIAL_LESSON_STATE: LessonState = {
  open: false, chapter: 0, step: 0, phase: 'free', predicted: null, skipped: false, answer: null, verdict: null, done: [],
};

export type LessonStore = StoreApi<LessonState>;

export function createLessonStore(): LessonStore {
  return createStore<LessonState>()(() => ({ ...INITIAL_LESSON_STATE }));
}

/** The page's one lesson store. */
export const lessonStore = createLessonStore();

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
