import { VIEW_STATES, type MembershipSimulation, type MembershipView } from '../engine/membership';
import type { NodeTable, WireMatrix } from './protocol';

/**
 * Pieces of a membership frame read out of a run. Each returns fresh arrays: frames are
 * transferred, so nothing the simulation keeps may ride along.
 */

const stateIndex = (v: MembershipView): number => VIEW_STATES.indexOf(v.state);

/** `view(o, s)` for every s, as columns. */
export function tableOf(sim: MembershipSimulation, o: number): NodeTable {
  const n = sim.config.nodes;
  const t: NodeTable = {
    node: o,
    state: new Uint8Array(n),
    incarnation: new Int32Array(n).fill(-1),
    version: new Int32Array(n).fill(-1),
    lastAdvanced: new Int32Array(n).fill(-1),
    phi: new Float32Array(n).fill(Number.NaN),
  };
  for (let s = 0; s < n; s++) {
    const v = sim.view(o, s);
    t.state[s] = stateIndex(v);
    if (v.incarnation !== undefined) t.incarnation[s] = v.incarnation;
    if (v.heartbeat) {
      t.incarnation[s] = v.heartbeat[0];
      t.version[s] = v.heartbeat[1];
    }
    if (v.lastAdvanced !== undefined) t.lastAdvanced[s] = v.lastAdvanced;
    if (v.phi !== undefined) t.phi[s] = v.phi;
  }
  return t;
}

/** Every belief with its incarnation or heartbeat, for clusters the matrix view can draw; else null. */
export function matrixOf(sim: MembershipSimulation): WireMatrix | null {
  const state = sim.viewMatrix();
  if (!state) return null;
  const n = sim.config.nodes;
  const a = new Int32Array(n * n).fill(-1);
  const b = new Int32Array(n * n).fill(-1);
  for (let o = 0; o < n; o++) {
    for (let s = 0; s < n; s++) {
      const v = sim.view(o, s);
      const i = o * n + s;
      if (v.incarnation !== undefined) a[i] = v.incarnation;
      if (v.heartbeat) {
        a[i] = v.heartbeat[0];
        b[i] = v.heartbeat[1];
      }
    }
  }
  return { nodes: n, state, a, b };
}

/** Live observers holding each node suspect. */
export function suspectedOf(sim: MembershipSimulation): Uint32Array {
  const n = sim.config.nodes;
  const out = new Uint32Array(n);
  for (let s = 0; s < n; s++) out[s] = sim.beliefCounts(s)[2];
  return out;
}
