import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { LessonConductor } from '../session/lesson-conductor';
import { notAShortcut } from './shortcut-keys';

/**
 * The page's own keys, whichever mode is shown: F toggles presenter mode, ? lists every
 * shortcut, Esc leaves presenter mode. Not while typing, and not with a modifier (Ctrl+F is
 * the browser's find).
 *
 * While a lesson is open (`lesson`), Page Down and Page Up (a presentation clicker's next and
 * back) move through its steps — in the page and in presenter mode alike — and → / ← keep
 * stepping the run. The run shortcuts are told to leave Page Down/Up alone meanwhile
 * (useKeyboardShortcuts' `clickerKeys: false`), so one press never does both.
 */
export function usePageKeys({ presenting, setPresenting, showShortcuts, lesson }: {
  presenting: boolean;
  setPresenting: Dispatch<SetStateAction<boolean>>;
  showShortcuts(): void;
  lesson: LessonConductor | null;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (notAShortcut(e)) return;
      if (lesson && !e.defaultPrevented && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        if (e.key === 'PageDown') lesson.next();
        else lesson.back();
      } else if ((e.key === 'f' || e.key === 'F') && !e.repeat) {
        e.preventDefault();
        // From the state as it is, not as this listener last saw it: an F right after Esc comes
        // before the effect re-subscribes, and a stale `presenting` would leave the stage shut.
        setPresenting((on) => !on);
      } else if (e.key === '?') {
        e.preventDefault();
        showShortcuts();
      } else if (e.key === 'Escape' && presenting) {
        setPresenting(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, setPresenting, showShortcuts, lesson]);
}
