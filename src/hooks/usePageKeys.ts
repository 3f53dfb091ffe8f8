import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { notAShortcut } from './shortcut-keys';

/**
 * The page's own keys, whichever mode is shown: F toggles presenter mode, ? lists every
 * shortcut, Esc leaves presenter mode. Not while typing, and not with a modifier (Ctrl+F is
 * the browser's find).
 */
export function usePageKeys({ presenting, setPresenting, showShortcuts }: {
  presenting: boolean;
  setPresenting: Dispatch<SetStateAction<boolean>>;
  showShortcuts(): void;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (notAShortcut(e)) return;
      if ((e.key === 'f' || e.key === 'F') && !e.repeat) {
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
  }, [presenting, setPresenting, showShortcuts]);
}
