import type { JSX } from 'react';
import { useLessonConductor, useLessonText } from '../../hooks/useLessons';
import { useLesson, type LessonState } from '../../store/lesson-store';
import { btn } from '../ui-classes';

const selectOpen = (s: LessonState) => s.open;

/** "Lessons" in the header: opens the guided course where the student left off (pressed while it is open). */
export function LessonsButton(): JSX.Element {
  const t = useLessonText();
  const conductor = useLessonConductor();
  const open = useLesson(selectOpen);
  return (
    <button
      type="button"
      className={`${btn.base.replace("px-3", "px-2 xl:px-3")} ${open ? btn.pressed : btn.secondary} shrink-0`}
      aria-pressed={open}
      onClick={() => (open ? conductor.close() : conductor.open())}
      title={open ? t('openTitleClose') : t('openTitle')}
    >
      {t('open')}
    </button>
  );
}
