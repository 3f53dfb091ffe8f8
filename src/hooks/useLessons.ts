import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS_NS, type LessonT } from '../lessons/text';
import type { LessonConductor } from '../session/lesson-conductor';

export const LessonContext = createContext<LessonConductor | null>(null);

/** The page's lesson conductor (opens steps, takes predictions, checks challenges). */
export function useLessonConductor(): LessonConductor {
  const c = useContext(LessonContext);
  if (!c) throw new Error('useLessonConductor needs a LessonContext provider');
  return c;
}

/** In a component: the lesson text in the page's language (keys named by the course's data; see lessons/text.ts). */
export function useLessonText(): LessonT {
  const { t } = useTranslation(LESSONS_NS);
  return t as unknown as LessonT;
}
