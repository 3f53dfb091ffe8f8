import type { NodeFrame } from '../view/frame-source';
import { DENSE_RUMOR_SHIFT, type SpreadFrame } from '../worker/protocol';
import type { GossipState } from '../store/store';
import type { HealOutcome, RumorStatus, SelectedInfo } from '../store/run-slice';

/** Rounds of history kept for the charts; older rounds fall off the front. */
export const HISTORY_LIMIT = 5000;

/**
 * A history (either mode's) with a frame's new rounds, oldest first: they replace what it held
 * from the first of them on (an action re-measures its round). The last HISTORY_LIMIT rounds
 * stay — a soak with every round kept found the heap growing ~0.6 MB a minute at the speed cap,
 * and the whole list copied every round.
 */
export function withNewRounds<T extends { round: number }>(history: readonly T[], rounds: readonly T[]): T[] {
  const from = rounds[0].round;
  const out = [...history.filter((m) => m.round < from), ...rounds];
  return out.length > HISTORY_LIMIT ? out.slice(out.length - HISTORY_LIMIT) : out;
}

const RUMOR_STATUS: readonly RumorStatus[] = ['susceptible', 'infective', 'removed'];

/** The rumor status of every node for one key (the frame carries all keys). */
export function rumorOfKey(f: SpreadFrame, key: number): Uint8Array | null {
  if (!f.rumor) return null;
  if (f.keys === 1) return f.rumor;
  const out = new Uint8Array(f.alive.length);
  for (let i = 0; i < out.length; i++) out[i] = f.rumor[i * f.keys + key];
  return out;
}

export function toNodeFrame(f: SpreadFrame, shownKey = 0): NodeFrame {
  return {
    graphId: f.graphId,
    round: f.round,
    keys: f.keys,
    versions: f.versions,
    dense: f.dense,
    latest: f.latest,
    alive: f.alive,
    group: f.group,
    messages: f.messages,
    metrics: f.metrics,
    rumor: rumorOfKey(f, shownKey),
    inFlight: f.inFlight,
    links: f.links,
  };
}

/** Nodes per group (index = group id), or null when every node is in group 0 (no groups). */
export function partitionSizes(group: Uint8Array): number[] | null {
  // Counts in a typed array: this runs for every frame, over 10^6 nodes in the density view.
  const counts = new Uint32Array(256);
  for (let i = 0; i < group.length; i++) counts[group[i]]++;
  if (counts[0] === group.length) return null;
  let last = 0;
  for (let g = 1; g < counts.length; g++) if (counts[g] > 0) last = g;
  return Array.from(counts.subarray(0, last + 1));
}

export function selectedInfoOf(f: SpreadFrame, node: number | null, shownKey = 0): SelectedInfo | null {
  if (node === null || node < 0 || node >= f.alive.length) return null;
  const versions: number[] = [];
  // A compact frame carries the watched node's versions only (it comes with the next frame).
  if (f.dense) versions.push(...(f.watchedState?.node === node ? f.watchedState.versions : []));
  else for (let k = 0; k < f.keys; k++) versions.push(f.versions[node * f.keys + k]);
  const w = f.watched && f.watched.node === node ? f.watched : null;
  const rumor = f.dense ? (f.dense[node] >> DENSE_RUMOR_SHIFT) - 1 : f.rumor ? f.rumor[node * f.keys + shownKey] : -1;
  return {
    node,
    versions,
    latest: Array.from(f.latest),
    alive: f.alive[node] === 1,
    group: f.group[node],
    sent: w ? w.sent : null,
    received: w ? w.received : null,
    rumor: RUMOR_STATUS[rumor] ?? null,
  };
}

/** Every live node holds the newest version of every key written so far (and there is one). */
export function isConverged(f: SpreadFrame): boolean {
  const m = f.metrics;
  let any = false;
  for (let k = 0; k < f.keys; k++) {
    if (f.latest[k] === 0) continue;
    any = true;
    if (m.informed[k] !== m.live) return false;
  }
  return any && m.live > 0;
}

/** Fills in and follows the outcome of a heal: how many lacked the newest version, and when they all had it. */
export function followHeal(h: HealOutcome | null, f: SpreadFrame): HealOutcome | null {
  if (!h) return null;
  const k = h.key, live = f.metrics.live;
  const missingNow = f.latest[k] === 0 ? 0 : live - (f.metrics.informed[k] ?? 0);
  const next: HealOutcome = { ...h, missingNow };
  if (h.missing === null) {
    next.missing = missingNow;
    next.live = live;
    next.version = f.latest[k];
  }
  if (next.repairedAt === null && missingNow === 0) next.repairedAt = f.round;
  return next;
}

/**
 * The store fields a frame changes: round, history (one entry per round, replaced when an
 * action changes the state within the round), newest versions and when they appeared,
 * partition and links, loss, the inspector's node, convergence, the rumor's state, the
 * writes and the heal's outcome.
 */
export function summarizeFrame(s: GossipState, f: SpreadFrame): Partial<GossipState> {
  if (f.round < f.last) return summarizePast(s, f);
  const history = withNewRounds(f.cause === 'init' ? [] : s.history, [...(f.between ?? []), f.metrics]);
  const latest = Array.from(f.latest);
  const latestSince = latest.map((v, k) => (f.cause !== 'init' && s.latest[k] === v ? s.latestSince[k] ?? 0 : f.round));
  const converged = isConverged(f);
  const ended = f.rumor !== null && f.rumorEnded && (f.latest[s.shownKey] ?? 0) !== 0;
  return {
    ...shownRound(s, f),
    pastMetrics: null,
    history,
    latest,
    latestSince,
    convergedAt: converged ? (s.convergedAt ?? f.round) : null,
    rumorEnded: ended,
    rumorEndedAt: ended ? (s.rumorEnded && s.rumorEndedAt !== null ? s.rumorEndedAt : f.round) : null,
    heal: f.cause === 'init' ? null : followHeal(s.heal, f),
  };
}

/**
 * A frame of an earlier round (time travel): the graph, the inspector, the status and the
 * panels follow the round shown; what belongs to the whole run — the history the charts draw,
 * when it converged, the heal's outcome — stays as the newest round left it.
 */
function summarizePast(s: GossipState, f: SpreadFrame): Partial<GossipState> {
  return { ...shownRound(s, f), pastMetrics: f.metrics };
}

/** What follows the round shown, newest or earlier: the network, the inspector, the writes. */
function shownRound(s: GossipState, f: SpreadFrame): Partial<GossipState> {
  return {
    round: f.round,
    lastRound: f.last,
    partition: partitionSizes(f.group),
    partitioned: f.partitioned,
    links: f.links,
    loss: f.loss,
    settings: f.settings,
    selectedInfo: selectedInfoOf(f, s.selected, s.shownKey),
    building: false,
    writes: f.writes,
    spread: f.spread,
    held: f.held,
  };
}
