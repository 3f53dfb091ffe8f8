import { useEffect } from 'react';
import { isTextEntry, notAShortcut } from './shortcut-keys';

/** What the presenter keys do; both sessions have these. Pass a stable object (the session). */
export interface RunKeyHandlers {
  togglePlay(): void;
  step(): void;
  /** ← (time travel): one round back; a run without it leaves ← alone. */
  stepBack?(): void;
  reset(): void;
  escape(): void;
}

export interface ShortcutOptions {
  /** Off: the keys do nothing here (the mode is not shown). */
  enabled?: boolean;
  /**
   * Listen in the capture phase and mark every key it owns as handled, so a second set of
   * shortcuts still mounted (the other mode's, which skips handled keys) never acts on the
   * same key, and the keys reach this run before any handler inside the page.
   */
  exclusive?: boolean;
  /**
   * Page Down / Page Up step the run (on by default). Off while a lesson is open: there they
   * move through the lesson's steps (usePageKeys), and → / ← still step the run.
   */
  clickerKeys?: boolean;
}

/**
 * Presenter keys: Space plays or pauses, → or Page Down steps, ← or Page Up steps back (a
 * clicker's next and back), R resets, Esc leaves split mode or clears
 * the selection. Not while typing in a field; keys another handler already used (the graph's
 * pan and zoom) are left alone. Space is taken over even on a focused button: on a clicker
 * or keyboard, Space must mean Play/Pause, not "press the last button clicked" (Enter still
 * activates buttons).
 *
 * @example
 *   useKeyboardShortcuts(session, { enabled: mode === 'dissemination' });
 */
export function useKeyboardShortcuts(handlers: RunKeyHandlers, { enabled = true, exclusive = false, clickerKeys = true }: ShortcutOptions = {}): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || notAShortcut(e)) return;
      if (!clickerKeys && (e.key === 'PageDown' || e.key === 'PageUp')) return;
      const onRange = e.target instanceof HTMLInputElement && e.target.type === 'range';
      // Arrow keys on the mode tabs move between the tabs (in the bubble phase the tab has already stopped them).
      const onTab = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'tab';
      // Shift+arrows on the focused graph pan it (its renderer's keys); the capture phase sees them first.
      const onGraphPan = e.shiftKey && e.target instanceof HTMLElement && e.target.closest('[data-graph-keys]') !== null;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          e.preventDefault();
          if (!e.repeat) handlers.togglePlay();
          return;
        case 'ArrowRight':
        case 'PageDown':
          // A presentation clicker's "next" is Page Down: one round, like →.
          if ((onRange || onTab || onGraphPan) && e.key === 'ArrowRight') return;
          e.preventDefault();
          handlers.step();
          return;
        case 'ArrowLeft':
        case 'PageUp':
          if (((onRange || onTab || onGraphPan) && e.key === 'ArrowLeft') || !handlers.stepBack) return;
          e.preventDefault();
          handlers.stepBack();
          return;
        case 'r':
        case 'R':
          if (e.repeat && !exclusive) return;
          e.preventDefault();
          if (!e.repeat) handlers.reset();
          return;
        case 'Escape':
          if (exclusive) e.preventDefault();
          handlers.escape();
          return;
        default:
      }
    };
    // Space on a button is activated on keyup: swallow that too, or the button fires after all.
    const onKeyUp = (e: KeyboardEvent): void => {
      if (e.key === ' ' && !isTextEntry(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    const options = { capture: exclusive };
    window.addEventListener('keydown', onKey, options);
    window.addEventListener('keyup', onKeyUp, options);
    return () => {
      window.removeEventListener('keydown', onKey, options);
      window.removeEventListener('keyup', onKeyUp, options);
    };
  }, [handlers, enabled, exclusive, clickerKeys]);
}
