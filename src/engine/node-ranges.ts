import { MAX_NODE_IDS } from './limits';
import type { Action, LoggedAction } from './types';

/**
 * Compact node-id lists for run files and links. A group action at 10,000 nodes names every
 * node: written as plain numbers, 45 of them make a 7 MB file that the readers refuse. A list
 * is written in the shortest of three forms, each read back to exactly the same list:
 *
 * - plain ids:            `[0, 1, 2, 7]`
 * - ids and ranges:       `["0-4999", 7]` — a range is consecutive ascending ids, so the order
 *                          of the list is kept whatever it is
 * - a bitmap:             `"bits:<base64url>"` — bit i (LSB first) set for node i; written only
 *                          for a strictly ascending list, which it gives back in that order
 *                          (a layout's sector of a random graph: scattered ids, ~n/6 characters)
 *
 * Readers expand with bounds checked before any memory is taken: an id past the run's nodes is
 * named, and a run's lists may expand to at most MAX_NODE_IDS ids in all.
 */

export type NodeListToken = number | string;
export type WrittenNodeList = NodeListToken[] | string;

const RANGE = /^(\d{1,8})-(\d{1,8})$/;
const BITS = 'bits:';

/** The shortest written form of `ids` (see above). */
export function compactIds(ids: readonly number[]): WrittenNodeList {
  const ranged = toRanges(ids);
  let best: WrittenNodeList = ranged.length < ids.length ? ranged : [...ids];
  if (ids.length > 16 && strictlyAscending(ids)) {
    const bits = toBitmap(ids);
    if (bits.length < JSON.stringify(best).length) best = bits;
  }
  return best;
}

function toRanges(ids: readonly number[]): NodeListToken[] {
  const out: NodeListToken[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    // Three or more in a run are shorter as a range ("7-9" against 7,8,9).
    if (j - i >= 2) out.push(`${ids[i]}-${ids[j]}`);
    else for (let k = i; k <= j; k++) out.push(ids[k]);
    i = j + 1;
  }
  return out;
}

function strictlyAscending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i] <= ids[i - 1]) return false;
  return ids.length === 0 || ids[0] >= 0;
}

function toBitmap(ids: readonly number[]): string {
  const bytes = new Uint8Array((ids[ids.length - 1] >> 3) + 1);
  for (const id of ids) bytes[id >> 3] |= 1 << (id & 7);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return BITS + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The action with its node lists in their written form (other actions as they are). */
function compactAction(a: Action): Action | (Omit<Action, 'groups' | 'nodes'> & Record<string, unknown>) {
  if (a.type === 'partition') return { ...a, groups: a.groups.map(compactIds) } as unknown as Action;
  if (a.type === 'isolate') return { ...a, nodes: compactIds(a.nodes) } as unknown as Action;
  return a;
}

/** A timeline as written, and whether any list needed the compact forms (readers before them would refuse it). */
export function compactActions(actions: readonly LoggedAction[]): { actions: unknown[]; compacted: boolean } {
  let compacted = false;
  const out = actions.map((e) => {
    const a = compactAction(e.action);
    if (a !== e.action) compacted ||= writtenCompactly(a);
    return { round: e.round, action: a };
  });
  return { actions: out, compacted };
}

function writtenCompactly(a: object): boolean {
  const lists: unknown[] = 'groups' in a ? (a.groups as unknown[]) : 'nodes' in a ? [a.nodes] : [];
  return lists.some((l) => typeof l === 'string' || (Array.isArray(l) && l.some((t) => typeof t === 'string')));
}

/** A token of a written list, for the schema: an id, a range "a-b" with a ≤ b, or a bitmap. */
export function isRangeToken(t: string): boolean {
  const m = RANGE.exec(t);
  return m !== null && Number(m[1]) <= Number(m[2]);
}

export function isBitmap(t: string): boolean {
  return t.startsWith(BITS) && /^[A-Za-z0-9_-]*$/.test(t.slice(BITS.length));
}

export type ExpandResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

/**
 * Expands the written lists of a parsed timeline back to plain ids, checking each id against
 * `nodes` and the total against MAX_NODE_IDS before expanding; a problem names the action's JSON
 * path and, for ids, the `holder` (a scenario file, a run) whose node count they exceed.
 */
export function expandActions<T extends { round: number; action: { type: string } }>(actions: readonly T[], nodes: number, holder: 'scenario' | 'run' = 'run'): ExpandResult<T[]> {
  let budget = MAX_NODE_IDS;
  const out: T[] = [];
  for (let i = 0; i < actions.length; i++) {
    const e = actions[i];
    const a = e.action as { type: string; groups?: unknown[]; nodes?: unknown };
    const at = `$.actions[${i}].action`;
    if (a.type === 'partition' && Array.isArray(a.groups)) {
      const groups: number[][] = [];
      for (let g = 0; g < a.groups.length; g++) {
        const r = expandList(a.groups[g] as WrittenNodeList, nodes, budget, at, holder);
        if (!r.ok) return r;
        budget -= r.value.length;
        groups.push(r.value);
      }
      out.push({ ...e, action: { ...a, groups } });
    } else if (a.type === 'isolate' && a.nodes !== undefined) {
      const r = expandList(a.nodes as WrittenNodeList, nodes, budget, at, holder);
      if (!r.ok) return r;
      budget -= r.value.length;
      out.push({ ...e, action: { ...a, nodes: r.value } });
    } else out.push(e);
  }
  return { ok: true, value: out };
}

function expandList(list: WrittenNodeList, nodes: number, budget: number, path: string, holder: string): ExpandResult<number[]> {
  const tooMany = (): ExpandResult<number[]> => ({ ok: false, path, message: `the node lists of this run name more than ${MAX_NODE_IDS.toLocaleString('en-US')} node ids in all` });
  const missing = (id: number): ExpandResult<number[]> => ({ ok: false, path, message: `node ${id} does not exist: the ${holder} has ${nodes} nodes (ids 0 to ${nodes - 1})` });
  if (typeof list === 'string') {
    if (!isBitmap(list)) return { ok: false, path, message: 'a node list is an array of ids and ranges, or "bits:" and a base64url bitmap' };
    const bytes = fromBase64Url(list.slice(BITS.length));
    if (bytes === null) return { ok: false, path, message: 'the bitmap is not base64url' };
    if (bytes.length > Math.ceil(nodes / 8)) return missing(bytes.length * 8 - 1);
    const ids: number[] = [];
    for (let b = 0; b < bytes.length; b++) {
      for (let bit = 0; bit < 8; bit++) {
        if ((bytes[b] & (1 << bit)) === 0) continue;
        const id = b * 8 + bit;
        if (id >= nodes) return missing(id);
        if (ids.length >= budget) return tooMany();
        ids.push(id);
      }
    }
    return { ok: true, value: ids };
  }
  let count = 0;
  for (const t of list) {
    if (typeof t === 'number') {
      if (t >= nodes) return missing(t);
      count++;
    } else {
      const m = RANGE.exec(t)!;
      const hi = Number(m[2]);
      if (hi >= nodes) return missing(hi);
      count += hi - Number(m[1]) + 1;
    }
    if (count > budget) return tooMany();
  }
  const ids: number[] = new Array<number>(count);
  let k = 0;
  for (const t of list) {
    if (typeof t === 'number') ids[k++] = t;
    else {
      const m = RANGE.exec(t)!;
      for (let id = Number(m[1]), hi = Number(m[2]); id <= hi; id++) ids[k++] = id;
    }
  }
  return { ok: true, value: ids };
}

function fromBase64Url(text: string): Uint8Array | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
