import type { NodeFrame } from '../view/frame-source';
import type { WireFrame } from '../worker/protocol';
import type { GossipState } from './store';
import type { SelectedInfo } from './run-slice';

/** Rounds of history kept for the charts; older rounds fall off the front. */
export const HISTORY_LIMIT = 5000;

export function toNodeFrame(f: WireFrame): NodeFrame {
  return {
    graphId: f.graphId,
    round: f.round,
    keys: f.keys,
    versions: f.versions,
    latest: f.latest,
    alive: f.alive,
    group: f.group,
    messages: f.messages,
    metrics: f.metrics,
  };
}

/** Nodes per group (index = group id), or null when the network is whole. */
export function partitionSizes(group: Uint8Array, partitioned: boolean): number[] | null {
  if (!partitioned) return null;
  const sizes: number[] = [];
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    while (sizes.length <= g) sizes.push(0);
    sizes[g]++;
  }
  return sizes;
}

export function selectedInfoOf(f: WireFrame, node: number | null): SelectedInfo | null {
  if (node === null || node < 0 || node >= f.alive.length) return null;
  const versions: number[] = [];
  for (let k = 0; k < f.keys; k++) versions.push(f.versions[node * f.keys + k]);
  const w = f.watched && f.watched.node === node ? f.watched : null;
  return {
    node,
    versions,
    latest: Array.from(f.latest),
    alive: f.alive[node] === 1,
    group: f.group[node],
    sent: w ? w.sent : null,
    received: w ? w.received : null,
  };
}

/** Every live node holds the newest version of every key written so far (and there is one). */
export function isConverged(f: WireFrame): boolean {
  const m = f.metrics;
  let any = false;
  for (let k = 0; k < f.keys; k++) {
    if (f.latest[k] === 0) continue;
    any = true;
    if (m.informed[k] !== m.live) return false;
  }
  return any && m.live > 0;
}

/**
 * The store fields a frame changes: round, history (one entry per round, replaced when an
 * action changes the state within the round), newest versions and when they appeared,
 * partition, loss, the inspector's node and convergence.
 */
export function summarizeFrame(s: GossipState, f: WireFrame): Partial<GossipState> {
  const history = f.cause === 'init' ? [] : s.history.filter((m) => m.round < f.round);
  history.push(f.metrics);
  if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
  const latest = Array.from(f.latest);
  const latestSince = latest.map((v, k) => (f.cause !== 'init' && s.latest[k] === v ? s.latestSince[k] ?? 0 : f.round));
  const converged = isConverged(f);
  return {
    round: f.round,
    history,
    latest,
    latestSince,
    partition: partitionSizes(f.group, f.partitioned),
    loss: f.loss,
    selectedInfo: selectedInfoOf(f, s.selected),
    convergedAt: converged ? (s.convergedAt ?? f.round) : null,
    building: false,
  };
}
