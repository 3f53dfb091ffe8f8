import { useEffect, useRef } from 'react';
import i18next from 'i18next';
import { clearRunFromAddressBar } from '../share/address-bar';
import { RUN_KEY, RunSaver, type PageMode, type RunMemory } from '../session/persistence';
import { membershipSession } from '../session/page-instances';
import type { Session } from '../session/session';
import type { RunCoreSlice } from '../store/run-core-slice';
import { membershipStore, type MembershipState } from '../store/membership-store';
import type { GossipState, GossipStore } from '../store/store';

/** Where the user is in a run: another round shown or run, a catch-up, the speed, play or pause. */
const placeChanged = (s: RunCoreSlice, p: RunCoreSlice): boolean =>
  s.round !== p.round || s.lastRound !== p.lastRound || s.catchUpTo !== p.catchUpTo || s.speed !== p.speed || s.status !== p.status;

/** The run itself changed (what a reload must rebuild): its settings or its timeline. */
const spreadChanged = (s: GossipState, p: GossipState): boolean => s.schedule !== p.schedule || s.runConfig !== p.runConfig;
const membershipChanged = (s: MembershipState, p: MembershipState): boolean => s.schedule !== p.schedule || s.applied !== p.applied;

/**
 * Keeps the page in the browser's memory — both modes' runs, the mode shown, the speeds and
 * whether it played — a moment after each change and at once when the page is hidden or closed,
 * and takes a share link out of the address bar once the run has moved on from it, so that a
 * reload restores the latest run rather than the link's. When another tab of the page writes
 * its run, this tab says once that each tab keeps its own (docs/architecture.md, "Whole runs").
 */
export function useRunMemory(session: Session, store: GossipStore, memory: RunMemory, mode: PageMode): void {
  const modeNow = useRef(mode);
  const saver = useRef<RunSaver | null>(null);
  useEffect(() => {
    const membership = membershipSession();
    const roundOf = (s: RunCoreSlice): number => s.catchUpTo ?? s.round;
    const live = new RunSaver(memory, {
      spread: () => session.currentRun(),
      membership: () => membership.currentRun(),
      place: () => {
        const s = store.getState();
        const m = membershipStore.getState();
        const shown = modeNow.current === 'membership' ? m : s;
        return {
          mode: modeNow.current,
          playing: shown.status === 'playing',
          speed: s.speed,
          membershipSpeed: m.speed,
          spreadRound: roundOf(s),
          membershipRound: m.applied ? roundOf(m) : null,
        };
      },
    }, (fn, ms) => setTimeout(fn, ms), (id) => clearTimeout(id as ReturnType<typeof setTimeout>));
    saver.current = live;
    const offSpread = store.subscribe((s, p) => {
      if (s.remember && !p.remember) {
        live.changed('spread');
        live.changed('membership');
        live.flush();
      }
      const run = spreadChanged(s, p);
      if (!run && !placeChanged(s, p)) return;
      if (!s.building) clearRunFromAddressBar();
      live.changed(run ? 'spread' : 'place');
    });
    const offMembership = membershipStore.subscribe((s, p) => {
      if (membershipChanged(s, p)) live.changed('membership');
      else if (placeChanged(s, p)) live.changed('place');
    });
    const flush = (): void => live.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') live.flush();
    };
    let told = false;
    const onStorage = (e: StorageEvent): void => {
      if (told || e.storageArea !== window.localStorage || e.key !== RUN_KEY) return;
      told = true;
      session.say('info', i18next.t('hardening:tabs.otherTab'));
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      offSpread();
      offMembership();
      live.dispose();
      saver.current = null;
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session, store, memory]);
  useEffect(() => {
    modeNow.current = mode;
    saver.current?.changed('place');
  }, [mode]);
}
