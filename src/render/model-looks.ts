import type { MessageShape, ModelLooks } from '../view/frame-source';
import { packHex, type Packed } from './colors';
import { dashMask } from './pixel-buffer';
import { baseOf, type ThemeName } from './render-theme';

/** A model's looks for one theme, packed once so the per-node loops never parse strings. */
export interface PackedLooks {
  fill: Packed[];
  crashed: Packed[];
  ring: Packed[];
  outline: Packed;
  selected: Packed;
  kinds: PackedKind[];
}

export interface PackedKind {
  color: Packed;
  shape: MessageShape;
  size: number;
  start: number;
  end: number;
  ringWhenUseful: boolean;
  /** Per-pixel dash mask of its path (see dashMask). */
  dash: Uint8Array;
}

export function packLooks(looks: ModelLooks, theme: ThemeName): PackedLooks {
  const nodes = looks.nodes[baseOf(theme)];
  return {
    fill: nodes.fill.map(packHex),
    crashed: nodes.crashed.map(packHex),
    ring: nodes.ring.map(packHex),
    outline: packHex(nodes.outline),
    selected: packHex(nodes.selected),
    kinds: looks.messages.map((k) => ({ color: packHex(k.color), shape: k.shape, size: k.size, start: k.phase[0], end: k.phase[1], ringWhenUseful: k.ringWhenUseful, dash: dashMask(k.dash) })),
  };
}

/** Repacks only when the looks object or the theme changes (frames share one looks object). */
export function createLooksCache(): (looks: ModelLooks | null | undefined, theme: ThemeName) => PackedLooks | null {
  let last: ModelLooks | null = null, lastTheme: ThemeName | null = null, packed: PackedLooks | null = null;
  return (looks, theme) => {
    if (!looks) return null;
    if (looks !== last || theme !== lastTheme) {
      last = looks;
      lastTheme = theme;
      packed = packLooks(looks, theme);
    }
    return packed;
  };
}
