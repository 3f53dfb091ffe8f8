import type { Action } from '../engine/types';
import { MAX_GROUPS } from '../engine/world';
import { i18next } from '../i18n';
import { layoutSectors } from '../presets/layout-groups';
import type { GraphSpec, LinkState } from '../view/frame-source';

/** What the partition tools do to the link between groups A and B. */
export type LinkMode = 'one-way' | 'both' | 'open';

/** The link state of one direction, or an open, lossless one when the frame has none. */
function linkOf(links: readonly LinkState[] | null, from: number, to: number): LinkState {
  return links?.find((l) => l.from === from && l.to === to) ?? { from, to, blocked: false, loss: 0 };
}

/** Why two groups can't be linked (null when they can). */
export function linkProblem(a: number, b: number, sizes: readonly number[] | null): string | null {
  if (!sizes) return i18next.t('controls:partition.noGroups');
  const valid = (g: number) => Number.isInteger(g) && g >= 0 && g < MAX_GROUPS && (sizes[g] ?? 0) > 0;
  if (!valid(a) || !valid(b)) return i18next.t('controls:partition.pickTwo');
  if (a === b) return i18next.t('controls:partition.pickDifferent');
  return null;
}

/**
 * The setLink actions for a mode: "one-way" blocks A → B and opens B → A (a one-way cut),
 * "both" blocks both directions, "open" opens both. Each direction keeps its link loss.
 */
export function linkActions(a: number, b: number, mode: LinkMode, links: readonly LinkState[] | null): Action[] {
  const ab = linkOf(links, a, b), ba = linkOf(links, b, a);
  const blockAB = mode !== 'open', blockBA = mode === 'both';
  return [
    { type: 'setLink', from: a, to: b, blocked: blockAB, loss: ab.loss },
    { type: 'setLink', from: b, to: a, blocked: blockBA, loss: ba.loss },
  ];
}

/** The setLink actions giving both directions between A and B the loss `p`, keeping their cuts. */
export function linkLossActions(a: number, b: number, p: number, links: readonly LinkState[] | null): Action[] {
  return [linkOf(links, a, b), linkOf(links, b, a)].map((l) => ({ type: 'setLink', from: l.from, to: l.to, blocked: l.blocked, loss: p }));
}

/** "group 1 → group 2 blocked · group 2 → group 1 open, 30 % loss" for one pair. */
export function describePair(a: number, b: number, links: readonly LinkState[] | null): string {
  const one = (l: LinkState) => {
    const state = i18next.t(l.blocked ? 'controls:partition.blocked' : 'controls:partition.open');
    return l.loss > 0
      ? i18next.t('controls:partition.directionLoss', { from: l.from, to: l.to, state, loss: Math.round(l.loss * 1000) / 10 })
      : i18next.t('controls:partition.direction', { from: l.from, to: l.to, state });
  };
  return `${one(linkOf(links, a, b))} · ${one(linkOf(links, b, a))}`;
}

/** The pairs of groups whose two directions differ: the one-way cuts. */
export function oneWayCuts(links: readonly LinkState[] | null): [number, number][] {
  if (!links) return [];
  return links.filter((l) => l.blocked && !linkOf(links, l.to, l.from).blocked).map((l) => [l.from, l.to]);
}

/** The part of the renderer's GraphApi that can cut the drawn graph into sectors. */
export interface SectorApi {
  splitInto?(k: number): number[][];
}

/**
 * k groups by the drawing: the renderer's sectors when it offers them (its layout is the
 * one on screen), else the sectors of the graph's starting layout.
 */
export function groupsByLayout(api: SectorApi | null, graph: GraphSpec | null, nodes: number, k: number): number[][] {
  try {
    const g = api?.splitInto?.(k);
    if (g && g.length === k && g.reduce((n, x) => n + x.length, 0) === nodes) return g;
  } catch {
    // No layout yet: the starting layout below.
  }
  return layoutSectors(graph?.topology ?? 'complete', nodes, k, graph?.offsets ?? null, graph?.neighbors ?? null);
}

/** Why k groups can't be made (null when they can). */
export function splitProblem(k: number, nodes: number): string | null {
  const max = Math.min(8, nodes);
  if (!Number.isInteger(k) || k < 2 || k > max) return i18next.t('controls:partition.splitRange', { max });
  return null;
}
