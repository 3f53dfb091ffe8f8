import type { JSX } from 'react';
import { useGossip, gossipStore } from '../store/store';
import { selectThemeChoice } from '../store/selectors';
import { btn } from './ui-classes';
import { LanguageSwitch } from './LanguageSwitch';

/** One line for a first-time visitor, per mode: what they are looking at. */
const TAGLINES = {
  dissemination: 'Watch an update spread through a cluster by gossip: each round, every node passes what it knows to a few random peers.',
  membership: 'Watch a cluster find out who is alive: nodes ping, suspect and declare each other dead (SWIM, Cassandra-style heartbeats).',
} as const;

export function Header({ mode = 'dissemination', onPresent, onShortcuts }: { mode?: keyof typeof TAGLINES; onPresent(): void; onShortcuts(): void }): JSX.Element {
  const theme = useGossip(selectThemeChoice);
  const contrast = theme === 'contrast';
  const tagline = TAGLINES[mode];
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
      <h1 className="shrink-0 text-2xl font-extrabold tracking-tight">Gossip Lab</h1>
      <p className="hidden min-w-0 flex-1 text-sm xl:line-clamp-2 leading-snug text-slate-700 dark:text-slate-300" title={tagline}>
        {tagline}
      </p>
      <LanguageSwitch />
      <button type="button" className={`${btn.base} ${btn.secondary} shrink-0`} onClick={onPresent} aria-keyshortcuts="F" title="The graph full screen with big readouts, for a projector (F)">
        Presenter mode
      </button>
      <button type="button" className={`${btn.base} ${btn.secondary} shrink-0 px-3`} onClick={onShortcuts} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Every keyboard shortcut (?)">
        ?
      </button>
      <button
        type="button"
        className={`${btn.base} ${btn.secondary} shrink-0`}
        onClick={() => gossipStore.getState().toggleTheme()}
        aria-description={`Now ${contrast ? 'high contrast' : theme}; switches to the ${theme === 'dark' ? 'light' : 'dark'} theme`}
        title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
        Theme
      </button>
      <button
        type="button"
        className={`${btn.base} ${contrast ? btn.pressed : btn.secondary} shrink-0 px-3`}
        onClick={() => gossipStore.getState().toggleContrast()}
        aria-pressed={contrast}
        aria-label="High contrast"
        title="Black on white, thick lines and outlined nodes, for a washed-out projector"
      >
        <span aria-hidden="true">◐</span>
      </button>
    </header>
  );
}
