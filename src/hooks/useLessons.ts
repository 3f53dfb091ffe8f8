import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS_NS, type LessonT } from '../lessons/text';
import type { LessonConductor } from '../session/lesson-conductor';
import { notAShortcut } from './shortcut-keys';

export const LessonContext = createContext<LessonConductor | null>(null);

/** The page's lesson conductor (opens steps, takes predictions, checks challenges). */
export function useLessonConductor(): LessonConductor {
  const c = useContext(LessonContext);
  if (!c) throw new Error('useLessonConductor needs a LessonContext provider');
  return c;
}

/**
 * While a lesson is open, Page Down and Page Up (a presentation clicker's next and back) move
 * through the lesson's steps — in the page and in presenter mode alike — and → / ← keep
 * stepping the run. The run shortcuts are told to leave Page Down/Up alone meanwhile
 * (useKeyboardShortcuts' `clickerKeys: false`), so one press never does both.
 */
export function useLessonKeys(conductor: LessonConductor, open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || notAShortcut(e)) return;
      if (e.key === 'PageDown') {
        e.preventDefault();
        conductor.next();
      } else if (e.key === 'PageUp') {
        e.preventDefault();
        conductor.back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [conductor, open]);
}

/** In a component: the lesson text in the page's language (keys named by the course's data; see lessons/text.ts). */
export function useLessonText(): LessonT {
  const { t } = useTranslation(LESSONS_NS);
  return t as unknown as LessonT;
}
