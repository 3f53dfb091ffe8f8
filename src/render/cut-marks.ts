import type { LinkState } from '../view/frame-source';
import type { Positions } from './geometry';

/**
 * What the picture must say about the links between groups beyond "they are cut": a
 * one-way cut (messages from `from` to `to` are dropped, the other way they arrive) and
 * loss on a link. Placed between the two groups' centroids, in world coordinates.
 */
export interface CutMark {
  kind: 'one-way' | 'loss';
  /** Centroids of the two groups; for a one-way cut, `from` is the side whose messages drop. */
  fx: number;
  fy: number;
  tx: number;
  ty: number;
  /** "30 % loss" for a lossy link. */
  label: string;
}

function centroids(group: Uint8Array, pos: Positions): Map<number, [number, number]> {
  const sum = new Map<number, [number, number, number]>();
  const n = Math.min(group.length, pos.n);
  for (let i = 0; i < n; i++) {
    const s = sum.get(group[i]) ?? [0, 0, 0];
    s[0] += pos.x[i];
    s[1] += pos.y[i];
    s[2]++;
    sum.set(group[i], s);
  }
  return new Map([...sum].map(([g, [x, y, c]]) => [g, [x / c, y / c]]));
}

const pct = (p: number): string => `${Math.round(p * 1000) / 10} %`;

export function cutMarks(links: readonly LinkState[] | null | undefined, group: Uint8Array, pos: Positions): CutMark[] {
  if (!links || links.length === 0) return [];
  const at = centroids(group, pos);
  const find = (a: number, b: number) => links.find((l) => l.from === a && l.to === b);
  const marks: CutMark[] = [];
  for (const l of links) {
    const back = find(l.to, l.from);
    const a = at.get(l.from), b = at.get(l.to);
    if (!a || !b) continue;
    const place = { fx: a[0], fy: a[1], tx: b[0], ty: b[1] };
    if (l.blocked && back && !back.blocked) marks.push({ kind: 'one-way', ...place, label: 'one-way' });
    // One label per lossy pair, on the direction that has the loss (or the first of two equal ones).
    const lossy = l.loss > 0 && !l.blocked;
    const backLossy = back !== undefined && back.loss > 0 && !back.blocked;
    if (lossy && (!backLossy || back.loss !== l.loss || l.from < l.to)) {
      const both = backLossy && back.loss === l.loss;
      marks.push({ kind: 'loss', ...place, label: both ? `${pct(l.loss)} loss` : `${pct(l.loss)} loss ${l.from} → ${l.to}` });
    }
  }
  return marks;
}
