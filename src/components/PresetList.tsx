import type { JSX, ReactNode } from 'react';
import { btn, sectionTitle } from './ui-classes';
import { useTranslation } from 'react-i18next';

/** The look of one preset button (a mode's own extra entries use it too). */
export const presetItem = `${btn.base} w-full justify-start px-2 py-1 text-left text-sm leading-snug`;

export interface PresetEntry {
  id: string;
  title: string;
  /** What to watch, in two lines: the button's tooltip and its accessible description. */
  caption: readonly string[];
}

interface PresetListProps {
  /** Keeps element ids unique per mode ('' or 'm-'). */
  idPrefix: string;
  presets: readonly PresetEntry[];
  /** The preset loaded now, shown pressed. */
  loaded: string | null;
  onLoad(id: string): void;
  /** Entries of the mode's own before the catalog's (each an `<li>`). */
  children?: ReactNode;
}

/** One click loads a scenario and plays it; its caption (what to watch) appears on the right. Both modes list theirs here. */
export function PresetList({ idPrefix, presets, loaded, onLoad, children }: PresetListProps): JSX.Element {
  // Re-renders on a language switch: the presets' names and captions are read in the page's language.
  const { t } = useTranslation('presets');
  return (
    <section aria-labelledby={`${idPrefix}presets-title`}>
      <h2 id={`${idPrefix}presets-title`} className={sectionTitle}>{t('list.title')}</h2>
      <ul className="flex flex-col gap-1">
        {children}
        {presets.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`${presetItem} ${loaded === p.id ? btn.pressed : btn.secondary}`}
              aria-description={p.caption.join(' ')}
              aria-current={loaded === p.id ? 'true' : undefined}
              title={p.caption.join('\n')}
              onClick={() => onLoad(p.id)}
            >
              {p.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
