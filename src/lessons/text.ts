import { i18next } from '../i18n';

/**
 * The lessons' text, by key in the `lessons` namespace. The course names its keys in data
 * (`chapters.<chapter>.<step>.text`, a prediction's question, a challenge's hint), so they are
 * strings the compiler cannot check; lesson-text.test.ts checks instead that every key the
 * course names exists in both languages.
 */
export type LessonT = (key: string, values?: Record<string, string | number>) => string;

export const LESSONS_NS = 'lessons';

/** Outside React (notices): the lesson text in the page's language now. */
export const lessonText: LessonT = (key, values) => (i18next.t as unknown as (k: string, o: object) => string)(key, { ns: LESSONS_NS, ...values });
