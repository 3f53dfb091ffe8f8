import { palette } from '../theme/palette';
import { packHex, type Packed } from './colors';

export type ThemeName = 'light' | 'dark';

/** Colours of one theme, packed once so the per-pixel loops never parse strings. */
export interface RenderColors {
  background: Packed;
  backgroundCss: string;
  link: Packed;
  latest: Packed;
  older: Packed;
  none: Packed;
  crashed: Packed;
  selected: Packed;
  useful: Packed;
  redundant: Packed;
  dropped: Packed;
  /** Message dots that carry no update (pull requests). */
  control: Packed;
  groups: Packed[];
  text: string;
  hintBackground: string;
}

/** Canvas backgrounds: Tailwind's white and gray-900, the page's panel colours. */
const BACKGROUND = { light: '#FFFFFF', dark: '#111827' } as const;
const LINK = { light: '#6B7280', dark: '#9CA3AF' } as const;

export function renderColors(theme: ThemeName): RenderColors {
  return {
    background: packHex(BACKGROUND[theme]),
    backgroundCss: BACKGROUND[theme],
    link: packHex(LINK[theme]),
    latest: packHex(palette.latest),
    older: packHex(palette.older),
    none: packHex(palette.none[theme]),
    crashed: packHex(palette.crashed[theme]),
    selected: packHex(palette.selected),
    useful: packHex(palette.message.useful),
    redundant: packHex(palette.message.redundant),
    dropped: packHex(palette.message.dropped),
    control: packHex(LINK[theme]),
    groups: palette.groups.map(packHex),
    text: theme === 'light' ? '#111827' : '#F3F4F6',
    hintBackground: theme === 'light' ? 'rgba(255,255,255,0.88)' : 'rgba(17,24,39,0.88)',
  };
}
