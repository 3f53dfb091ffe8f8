import { VIEW_STATES } from '../../engine/membership';
import type { NodeTable } from '../../worker/protocol';

export type SortKey = 'node' | 'state';

/** Rank per state code (unknown, alive, suspect, dead): what needs attention first — dead, suspect, unknown, alive. */
const STATE_RANK = [2, 3, 1, 0];

/** Row order of an inspector table: by node id, or by state (ties by node id). */
export function rowOrder(t: NodeTable, key: SortKey): Uint32Array {
  const idx = Uint32Array.from({ length: t.state.length }, (_, i) => i);
  if (key === 'state') idx.sort((a, b) => STATE_RANK[t.state[a]] - STATE_RANK[t.state[b]] || a - b);
  return idx;
}

/** Does a belief (a VIEW_STATES code) contradict the truth about its subject? */
export function wrongBelief(state: number, up: boolean): boolean {
  const s = VIEW_STATES[state];
  return up ? s === 'dead' || s === 'unknown' : s === 'alive' || s === 'suspect';
}
