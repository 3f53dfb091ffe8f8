import { groupColor } from '../theme/palette';
import { packHex } from './colors';
import { paddedHull, type Positions } from './geometry';
import { SPACING } from './initial-layout';
import type { Hull } from './scene';

/** The tinted region of every partition group (group 0, the rest, has none). */
export function groupHulls(groups: Uint8Array, pos: Positions): Hull[] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    if (groups[i] === 0) continue;
    let list = members.get(groups[i]);
    if (!list) members.set(groups[i], (list = []));
    list.push(i);
  }
  return [...members].map(([g, ids]) => ({ color: packHex(groupColor(g)), points: paddedHull(pos, ids, SPACING * 1.2) }));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length > b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
