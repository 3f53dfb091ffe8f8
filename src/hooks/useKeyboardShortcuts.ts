import { useEffect } from 'react';
import type { Session } from '../store/session';

/** Fields where keys are text (or a value), so shortcuts must stay out of the way. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'button', 'submit', 'checkbox', 'radio'].includes(target.type);
}

/**
 * Presenter keys: Space plays or pauses, → steps, R resets, Esc leaves split mode or clears
 * the selection. Not while typing in a field; keys another handler already used (the graph's
 * pan and zoom) are left alone. Space is taken over even on a focused button: on a clicker
 * or keyboard, Space must mean Play/Pause, not "press the last button clicked" (Enter still
 * activates buttons).
 */
export function useKeyboardShortcuts(session: Session): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const onRange = e.target instanceof HTMLInputElement && e.target.type === 'range';
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          e.preventDefault();
          if (!e.repeat) session.togglePlay();
          return;
        case 'ArrowRight':
          if (onRange) return;
          e.preventDefault();
          session.step();
          return;
        case 'r':
        case 'R':
          if (e.repeat) return;
          e.preventDefault();
          session.reset();
          return;
        case 'Escape':
          session.escape();
          return;
        default:
      }
    };
    // Space on a button is activated on keyup: swallow that too, or the button fires after all.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTextEntry(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [session]);
}
