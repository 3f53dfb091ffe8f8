import { CHAPTERS, clampPosition } from './chapters';

/** A place in the course, 0-based (links and the page show 1-based numbers). */
export interface LessonPosition {
  chapter: number;
  step: number;
}

/** The link parameters: `?lesson=N&step=M`, both 1-based. */
const LESSON_PARAM = 'lesson';
const STEP_PARAM = 'step';

/**
 * Reads `?lesson=N&step=M` (1-based). No `lesson` parameter: null. A number out of range or not
 * a number opens the nearest real step and names the problem (for a notice), never a blank page.
 */
export function parseLessonQuery(search: string): { position: LessonPosition; problem: { key: string; values: Record<string, string | number> } | null } | null {
  const params = new URLSearchParams(search);
  const lesson = params.get(LESSON_PARAM);
  if (lesson === null) return null;
  const step = params.get(STEP_PARAM);
  const n = Number(lesson), m = step === null ? 1 : Number(step);
  const wholeN = Number.isInteger(n) && n >= 1 && n <= CHAPTERS.length;
  if (!wholeN) return { position: { chapter: 0, step: 0 }, problem: { key: 'link.noLesson', values: { lesson, count: CHAPTERS.length } } };
  const steps = CHAPTERS[n - 1].steps.length;
  if (!(Number.isInteger(m) && m >= 1 && m <= steps)) {
    return { position: { chapter: n - 1, step: 0 }, problem: { key: 'link.noStep', values: { step: step ?? '', lesson: n, count: steps } } };
  }
  return { position: { chapter: n - 1, step: m - 1 }, problem: null };
}

/** The search string with the lesson's position in it (or without, when `position` is null), other parameters kept. */
export function withLessonQuery(search: string, position: LessonPosition | null): string {
  const params = new URLSearchParams(search);
  params.delete(LESSON_PARAM);
  params.delete(STEP_PARAM);
  if (position) {
    params.set(LESSON_PARAM, String(position.chapter + 1));
    params.set(STEP_PARAM, String(position.step + 1));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the browser remembers of the course: where the student was, and the steps done. */
export interface LessonProgress {
  position: LessonPosition;
  /** `chapterId/stepId` of every step whose prediction was answered or challenge passed, or that was read. */
  done: string[];
}

export const PROGRESS_KEY = 'gossip-lab.lessons';

export const EMPTY_PROGRESS: LessonProgress = { position: { chapter: 0, step: 0 }, done: [] };

/** Progress from its stored text; anything unreadable is a fresh start (a course position is cheap to lose). */
export function parseProgress(text: string | null): LessonProgress {
  if (!text) return EMPTY_PROGRESS;
  try {
    const raw = JSON.parse(text) as { chapter?: unknown; step?: unknown; done?: unknown };
    const known = new Set(CHAPTERS.flatMap((c) => c.steps.map((s) => `${c.id}/${s.id}`)));
    const done = Array.isArray(raw.done) ? raw.done.filter((d): d is string => typeof d === 'string' && known.has(d)) : [];
    return { position: clampPosition(Number(raw.chapter), Number(raw.step)), done: [...new Set(done)] };
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function progressText(p: LessonProgress): string {
  return JSON.stringify({ chapter: p.position.chapter, step: p.position.step, done: p.done });
}

export const stepIdAt = (p: LessonPosition): string => `${CHAPTERS[p.chapter].id}/${CHAPTERS[p.chapter].steps[p.step].id}`;
