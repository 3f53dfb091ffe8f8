import type { NodeFrame } from '../view/frame-source';

/** What a node knows of the shown key: drawn as grey / orange / blue. */
export const KNOWS_NOTHING = 0;
export const KNOWS_OLDER = 1;
export const KNOWS_LATEST = 2;

/** Fills `out[node]` with the node's state for `key` (out of range keys show nothing). */
export function computeNodeStates(frame: NodeFrame, key: number, out: Uint8Array): Uint8Array {
  const { keys, versions, latest } = frame;
  const n = Math.min(out.length, Math.floor(versions.length / Math.max(1, keys)));
  if (key < 0 || key >= keys) {
    out.fill(KNOWS_NOTHING);
    return out;
  }
  const newest = latest[key];
  for (let i = 0; i < n; i++) {
    const v = versions[i * keys + key];
    out[i] = v === 0 ? KNOWS_NOTHING : v === newest ? KNOWS_LATEST : KNOWS_OLDER;
  }
  return out;
}

/** Count of live nodes in each state, for the summary read by screen readers. */
export function countStates(states: Uint8Array, alive: Uint8Array | null): { latest: number; older: number; none: number; crashed: number } {
  let latest = 0, older = 0, none = 0, crashed = 0;
  for (let i = 0; i < states.length; i++) {
    if (alive && alive[i] === 0) crashed++;
    else if (states[i] === KNOWS_LATEST) latest++;
    else if (states[i] === KNOWS_OLDER) older++;
    else none++;
  }
  return { latest, older, none, crashed };
}

/** out[node] = 1 when the node holds a version of any key, i.e. what it sends carries a payload. */
export function computeKnowsAny(frame: NodeFrame, out: Uint8Array): Uint8Array {
  const { keys, versions } = frame;
  const n = Math.min(out.length, Math.floor(versions.length / Math.max(1, keys)));
  for (let i = 0; i < n; i++) {
    let any = 0;
    for (let k = 0; k < keys; k++) if (versions[i * keys + k] !== 0) any = 1;
    out[i] = any;
  }
  return out;
}
