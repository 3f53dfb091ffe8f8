import { useEffect, useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { Notices } from '../Notices';
import { btn } from '../ui-classes';
import { WorkerError } from '../WorkerError';
import { ShareWithClass } from './ShareWithClass';

const selectStrip = (s: RunCoreSlice) => s.status === 'playing';
const selectRound = (s: RunCoreSlice) => `${s.round} / ${s.lastRound}`;

/**
 * Presenter mode: the graph fills the screen (the browser's Fullscreen API where it allows),
 * big readouts and a slim control strip on top, the preset's caption over the graph's foot.
 * A clicker drives it (Page Down = next round, Page Up = back one round); Esc or F leaves.
 */
export function PresenterView({ graph, readouts, caption, onLeave }: {
  graph: ReactNode;
  readouts: ReactNode;
  caption: ReactNode;
  onLeave(): void;
}): JSX.Element {
  const { t } = useTranslation('presenter');
  const session = useRunSession();
  const playing = useRun(selectStrip);
  const round = useRun(selectRound);
  const [sharing, setSharing] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    // Full screen this view asked for and got. Leaving it (the browser's own Esc) leaves the view;
    // but a view opened right after the last one closed (Esc, then F) finds that view's exit still
    // on its way, and its landing must not close the new view: ask again instead.
    let ours = false;
    // A browser may refuse full screen (no user gesture, an iframe): the view fills the window anyway.
    const ask = (): void => void root.requestFullscreen?.().then(() => { ours = true; }).catch(() => {});
    if (!document.fullscreenElement) ask();
    const onChange = (): void => {
      if (document.fullscreenElement) return;
      if (ours) onLeave();
      else ask();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
    };
  }, [onLeave]);

  const strip = `${btn.base} px-2 py-1 text-lg whitespace-nowrap xl:px-3`;
  return (
    <div role="region" aria-label={t('label')} className="fixed inset-0 z-40 flex flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex h-16 shrink-0 items-center gap-4 overflow-hidden border-b border-slate-200 px-4 dark:border-slate-800">
        {readouts}
        <div role="group" aria-label={t('run')} className="ml-auto flex items-center gap-2">
          <button type="button" className={`${strip} ${btn.secondary}`} onClick={() => session.stepBack()} aria-keyshortcuts="PageUp ArrowLeft" title={t('back')} aria-label={t('backLabel')}>←</button>
          <button type="button" className={`${strip} ${btn.primary} w-24`} onClick={() => session.togglePlay()} aria-keyshortcuts="Space">{playing ? t('pause') : t('play')}</button>
          <button type="button" className={`${strip} ${btn.secondary}`} onClick={() => session.step()} aria-keyshortcuts="PageDown ArrowRight" title={t('next')} aria-label={t('step')}>→</button>
          <span className="hidden w-24 text-center text-lg tabular-nums xl:inline" aria-label={t('roundShown')}>{round}</span>
          <button type="button" className={`${strip} ${btn.secondary}`} onClick={() => setSharing(true)} aria-label={t('shareLabel')}>{t('share')}</button>
          <button type="button" className={`${strip} ${btn.secondary}`} onClick={onLeave} aria-keyshortcuts="Escape F" title={t('leaveTitle')}>{t('leave')}</button>
        </div>
      </div>
      <div className="relative min-h-0 flex-1">
        {graph}
        {/* empty:hidden — a mode or run with nothing to caption shows no empty bar over the graph. */}
        <div className="pointer-events-none absolute inset-x-4 bottom-3 z-10 mx-auto max-w-4xl rounded-lg bg-white/90 px-4 py-2 text-xl shadow empty:hidden dark:bg-slate-900/90">{caption}</div>
        <Notices />
        <WorkerError />
      </div>
      {sharing && <ShareWithClass onClose={() => setSharing(false)} />}
    </div>
  );
}
