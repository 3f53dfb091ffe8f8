import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGossip, gossipStore } from '../store/store';
import { selectThemeChoice } from '../store/selectors';
import { btn } from './ui-classes';
import { LanguageSwitch } from './LanguageSwitch';

/** The page's title, one line per mode for a first-time visitor (what they are looking at), and the page-wide switches. */
export function Header({ mode = 'dissemination', onPresent, onShortcuts, lessons = null }: { mode?: 'dissemination' | 'membership'; onPresent(): void; onShortcuts(): void; lessons?: ReactNode }): JSX.Element {
  const { t } = useTranslation();
  const theme = useGossip(selectThemeChoice);
  const contrast = theme === 'contrast';
  const tagline = t(`header.tagline.${mode}`);
  const next = t(`header.themeNames.${theme === 'dark' ? 'light' : 'dark'}`);
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 px-3 py-1.5 xl:gap-x-4 xl:px-4 dark:border-slate-800">
      <h1 className="shrink-0 text-xl font-extrabold tracking-tight xl:text-2xl">{t('app.title')}</h1>
      <p className="hidden min-w-0 flex-1 text-sm xl:line-clamp-2 leading-snug text-slate-700 dark:text-slate-300" title={tagline}>
        {tagline}
      </p>
      <LanguageSwitch />
      {lessons}
      <button type="button" className={`${btn.base} ${btn.secondary} shrink-0`} onClick={onPresent} aria-keyshortcuts="F" title={t('header.presentTitle')}>
        {t('header.present')}
      </button>
      <button type="button" className={`${btn.base} ${btn.secondary} shrink-0 px-3`} onClick={onShortcuts} aria-label={t('header.shortcuts')} aria-keyshortcuts="?" title={t('header.shortcutsTitle')}>
        ?
      </button>
      <button
        type="button"
        className={`${btn.base} ${btn.secondary} shrink-0`}
        onClick={() => gossipStore.getState().toggleTheme()}
        aria-description={t('header.themeNow', { now: t(`header.themeNames.${theme}`), next })}
        title={t('header.themeTitle', { next })}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
        {/* Below xl the word goes (the name stays): the header keeps one row at 1024 px beside the mode tabs, Lessons included. */}
        <span className="sr-only xl:not-sr-only">{t('header.theme')}</span>
      </button>
      <button
        type="button"
        className={`${btn.base} ${contrast ? btn.pressed : btn.secondary} shrink-0 px-3`}
        onClick={() => gossipStore.getState().toggleContrast()}
        aria-pressed={contrast}
        aria-label={t('header.contrast')}
        title={t('header.contrastTitle')}
      >
        <span aria-hidden="true">◐</span>
      </button>
    </header>
  );
}
