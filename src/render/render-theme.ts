import { palette } from '../theme/palette';
import { packHex, type Packed } from './colors';

/** 'contrast': for washed-out projectors — pure black on white, ringed nodes, doubled links. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** The light/dark theme a model's own palette (membership looks, charts) uses under `theme`. */
export const baseOf = (theme: ThemeName): 'light' | 'dark' => (theme === 'dark' ? 'dark' : 'light');

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
  /** Ring drawn just outside every node: the background (a gap over the links), or black in high contrast. */
  halo: Packed;
  /** Links two pixels wide (high contrast). */
  thickLinks: boolean;
}

/** Canvas backgrounds: Tailwind's white and slate-900, the graph pane's colours. */
const BACKGROUND = { light: '#FFFFFF', dark: '#0F172A', contrast: '#FFFFFF' } as const;
/**
 * Links are lighter than the "knows nothing" grey in the light theme and darker than it in the
 * dark one, so they recede behind every node (slate-400 / slate-500).
 */
const LINK = { light: '#94A3B8', dark: '#64748B', contrast: '#000000' } as const;

/** Dots of messages without an update: visible on links and background alike. */
const CONTROL = { light: '#64748B', dark: '#CBD5E1', contrast: '#000000' } as const;

export function renderColors(theme: ThemeName): RenderColors {
  const base = baseOf(theme);
  const contrast = theme === 'contrast';
  return {
    background: packHex(BACKGROUND[theme]),
    backgroundCss: BACKGROUND[theme],
    link: packHex(LINK[theme]),
    latest: packHex(palette.latest),
    older: packHex(palette.older),
    // High contrast: "knows nothing" stays a mid grey inside a black ring, so it survives a washed-out projector.
    none: packHex(contrast ? '#A0A0A0' : palette.none[base]),
    crashed: packHex(contrast ? '#000000' : palette.crashed[base]),
    selected: packHex(palette.selected),
    useful: packHex(palette.message.useful),
    redundant: packHex(palette.message.redundant),
    dropped: packHex(palette.message.dropped),
    droppedCss: palette.message.dropped,
    infective: packHex(palette.infective),
    control: packHex(CONTROL[theme]),
    groups: palette.groups.map(packHex),
    text: contrast ? '#000000' : base === 'light' ? '#0F172A' : '#F1F5F9',
    hintBackground: base === 'light' ? 'rgba(255,255,255,0.9)' : 'rgba(15,23,42,0.9)',
    halo: packHex(contrast ? '#000000' : BACKGROUND[theme]),
    thickLinks: contrast,
  };
}
