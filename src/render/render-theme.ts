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
  droppedCss: string;
  /** Ring of a node still spreading a rumor. */
  infective: Packed;
  /** Message dots that carry no update (pull requests). */
  control: Packed;
  groups: Packed[];
  text: string;
  hintBackground: string;
}

/** Canvas backgrounds: Tailwind's white and slate-900, the graph pane's colours. */
const BACKGROUND = { light: '#FFFFFF', dark: '#0F172A' } as const;
/**
 * Links are lighter than the "knows nothing" grey in the light theme and darker than it in the
 * dark one, so they recede behind every node (slate-400 / slate-500).
 */
const LINK = { light: '#94A3B8', dark: '#64748B' } as const;

/** Dots of messages without an update: visible on links and background alike. */
const CONTROL = { light: '#64748B', dark: '#CBD5E1' } as const;

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
    droppedCss: palette.message.dropped,
    infective: packHex(palette.infective),
    control: packHex(CONTROL[theme]),
    groups: palette.groups.map(packHex),
    text: theme === 'light' ? '#0F172A' : '#F1F5F9',
    hintBackground: theme === 'light' ? 'rgba(255,255,255,0.9)' : 'rgba(15,23,42,0.9)',
  };
}
