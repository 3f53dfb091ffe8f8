import { useEffect } from 'react';
import { clearRunFromAddressBar } from '../share/address-bar';
import { RunSaver, type RunMemory } from '../session/persistence';
import type { Session } from '../session/session';
import type { GossipState, GossipStore } from '../store/store';

/** The run changed in a way a reload should see: another round shown or run, the timeline, the settings. */
const runChanged = (s: GossipState, p: GossipState): boolean =>
  s.round !== p.round || s.lastRound !== p.lastRound || s.schedule !== p.schedule || s.runConfig !== p.runConfig || s.catchUpTo !== p.catchUpTo;

/**
 * Keeps the run in the browser's memory (a moment after each change, and at once when the page
 * is hidden or closed), and takes a share link out of the address bar once the run has moved on
 * from it, so that a reload restores the latest run rather than the link's.
 */
export function useRunMemory(session: Session, store: GossipStore, memory: RunMemory): void {
  useEffect(() => {
    const saver = new RunSaver(memory, () => session.currentRun(), (fn, ms) => setTimeout(fn, ms), (id) => clearTimeout(id as ReturnType<typeof setTimeout>));
    const unsubscribe = store.subscribe((s, p) => {
      if (s.remember && !p.remember) saver.flush();
      if (!runChanged(s, p)) return;
      if (!s.building) clearRunFromAddressBar();
      saver.changed();
    });
    const flush = (): void => saver.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      saver.dispose();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session, store, memory]);
}
