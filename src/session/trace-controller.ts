import { depthHistogram, spreadDepths, type SpreadTrace } from '../engine/spread-trace';
import { OUTCOME_DELIVERED, type Action, type MessageBatch } from '../engine/types';
import { i18next } from '../i18n';
import type { StoreApi } from 'zustand/vanilla';
import type { TraceState } from '../store/trace-store';
import type { GraphSpec } from '../view/frame-source';
import type { LiveFrameSource } from '../view/live-frame-source';
import type { HighlightedMessage, MessageFate } from '../view/trace-highlight';
import type { SpaceTimeLog, SpreadFrame, ToWorker } from '../worker/protocol';

/** What the controller needs of its session. */
export interface TraceDeps {
  store: StoreApi<TraceState>;
  frames: LiveFrameSource;
  send(msg: ToWorker): void;
  apply(action: Action): void;
  step(): void;
  notify(tone: 'info' | 'error', text: string): void;
  shownKey(): number;
}

const t = (key: string, vars?: Record<string, unknown>): string => i18next.t(key as never, { ns: 'trace', ...vars } as never) as unknown as string;

/** The fate of message `i` of a batch, as the space-time diagram and the graph draw it. */
export function fateOf(b: MessageBatch, i: number): MessageFate {
  return b.outcome[i] !== OUTCOME_DELIVERED ? 'dropped' : b.useful[i] === 1 ? 'useful' : 'redundant';
}

/** Applies a frame's space-time rounds to the log the page holds. */
export function mergeLog(log: readonly (MessageBatch | undefined)[], st: SpaceTimeLog): (MessageBatch | undefined)[] {
  const out = log.slice(0, st.last + 1);
  st.rounds.forEach((b, i) => { out[st.since + i] = b; });
  out.length = Math.min(out.length, st.last + 1);
  return out;
}

/**
 * The dissemination session's "who told whom" part: which trace the worker must send (the
 * watched node's path rides along whenever a node is selected; the whole tree and the diagram's
 * messages only while shown), what the page draws over the graph, and hand-played rounds — the
 * student picks each informed node's targets, recorded as pickPeers actions on the timeline
 * (so links and time travel replay them), then the engine takes over.
 */
export class TraceController {
  private frame: SpreadFrame | null = null;
  /** Hand play: picks of the round being played, and the round they were committed at (frames of it are not new rounds). */
  private picks: [number, number][] = [];
  private committedAt: number | null = null;

  constructor(private readonly deps: TraceDeps) {}

  private get s(): TraceState {
    return this.deps.store.getState();
  }

  private set(patch: Partial<TraceState>): void {
    this.deps.store.setState(patch);
  }

  /** The watch request for the worker: the inspected node, and what the shown views need. */
  watch(node: number | null): ToWorker {
    return { type: 'watch', node, tree: this.s.tree, spaceTime: this.s.spaceTime };
  }

  /** The spread tree or the diagram is shown: the worker must send more than the default frame. */
  get watching(): boolean {
    return this.s.tree || this.s.spaceTime;
  }

  /** A new run is being built: nothing of the last one applies. */
  onBuild(nodes: number): void {
    this.frame = null;
    this.picks = [];
    this.committedAt = null;
    this.set({ nodes, round: 0, last: 0, log: [], path: null, histogram: null, hovered: null, selected: null, hand: this.s.hand ? { ...this.s.hand, sender: null, picks: [], waiting: 0 } : null });
  }

  onFrame(f: SpreadFrame, selected: number | null): void {
    this.frame = f;
    const key = Math.min(this.deps.shownKey(), f.keys - 1);
    const patch: Partial<TraceState> = { nodes: f.alive.length, round: f.round, last: f.last, selected };
    if (f.spaceTime) patch.log = mergeLog(this.s.log, f.spaceTime);
    patch.path = selected !== null && f.paths ? f.paths[key] ?? null : null;
    patch.histogram = f.trace ? depthHistogram(spreadDepths(f.trace, key)) : null;
    const hov = this.s.hovered;
    if (hov && hov.round > f.last) patch.hovered = null;
    this.set(patch);
    this.treePairs = f.trace ? treePairs(f.trace, key) : null;
    if (this.committedAt !== null && f.round > this.committedAt) {
      this.committedAt = null;
      this.picks = [];
    }
    this.updateHand();
    this.publish();
  }

  private treePairs: Int32Array | null = null;

  setTree(on: boolean): void {
    if (on === this.s.tree) return;
    this.set({ tree: on, histogram: on ? this.s.histogram : null });
    if (!on) this.treePairs = null;
    this.deps.send(this.watch(this.s.selected));
    this.publish();
  }

  setSpaceTime(on: boolean): void {
    if (on === this.s.spaceTime) return;
    this.set({ spaceTime: on, ...(on ? {} : { log: [], hovered: null }) });
    this.deps.send(this.watch(this.s.selected));
    this.publish();
  }

  /** The pointer rests on (or the keyboard focuses) a message of the diagram; null when it leaves. */
  hover(at: { round: number; index: number } | null): void {
    const h = this.s.hovered;
    if (at === h || (at && h && at.round === h.round && at.index === h.index)) return;
    this.set({ hovered: at });
    this.publish();
  }

  private hoveredMessage(): HighlightedMessage | null {
    const h = this.s.hovered;
    const b = h ? this.s.log[h.round] : undefined;
    if (!h || !b || h.index >= b.count) return null;
    return { from: b.from[h.index], to: b.to[h.index], fate: fateOf(b, h.index) };
  }

  private publish(): void {
    const s = this.s;
    const path = s.path && s.path.hops.length > 0 ? Int32Array.from(s.path.hops.flatMap((h) => [h.from, h.to])) : null;
    const hand = s.hand && (s.hand.sender !== null || s.hand.picks.length > 0)
      ? { sender: s.hand.sender, picks: Int32Array.from(s.hand.picks.flat()) }
      : null;
    const message = this.hoveredMessage();
    const tree = s.tree ? this.treePairs : null;
    const pathRounds = path ? Int32Array.from(s.path!.hops.map((h) => h.round)) : null;
    this.deps.frames.setHighlight(path || tree || message || hand ? { path, pathRounds, tree, message, hand } : null);
  }

  // ── Hand-played rounds ─────────────────────────────────────────────────────────────────

  /** Rounds 1…`rounds` are played by hand (a lesson step's switch); null or 0 hands them back to the engine. */
  setHandPlay(rounds: number | null): void {
    this.picks = [];
    this.committedAt = null;
    if (!rounds || rounds < 1) {
      this.set({ hand: null });
      this.publish();
      return;
    }
    this.set({ hand: { rounds: Math.floor(rounds), sender: null, waiting: 0, perSender: 1, picks: [], blocked: null } });
    this.updateHand();
    this.publish();
  }

  /** True while a click on the graph picks a target (instead of selecting a node). */
  get picking(): boolean {
    return this.s.hand?.sender != null;
  }

  /** The student picked `peer` as a target of the current sender. */
  handPick(peer: number): void {
    const hand = this.s.hand, f = this.frame;
    if (!hand || hand.sender === null || !f) return;
    const sender = hand.sender;
    const problem = peer === sender ? t('hand.self', { node: sender })
      : peer < 0 || peer >= f.alive.length ? t('hand.noNode', { node: peer, max: f.alive.length - 1 })
      : !isNeighbour(this.deps.frames.graph(), sender, peer) ? t('hand.notNeighbour', { node: peer, sender })
      : this.picks.some(([s, p]) => s === sender && p === peer) ? t('hand.twice', { node: peer, sender })
      : null;
    if (problem) {
      this.deps.notify('error', problem);
      return;
    }
    this.picks = [...this.picks, [sender, peer]];
    this.updateHand();
    if (this.s.hand?.sender === null && this.picks.length > 0) this.commit();
    this.publish();
  }

  /** Takes back the last pick of this round. */
  undoPick(): void {
    if (this.picks.length === 0 || this.committedAt !== null) return;
    this.picks = this.picks.slice(0, -1);
    this.updateHand();
    this.publish();
  }

  /** Every sender has chosen: the choices go on the timeline as pickPeers actions, then the round runs. */
  private commit(): void {
    const f = this.frame!;
    const bySender = new Map<number, number[]>();
    for (const [s, p] of this.picks) bySender.set(s, [...(bySender.get(s) ?? []), p]);
    for (const [node, peers] of bySender) this.deps.apply({ type: 'pickPeers', node, peers });
    this.committedAt = f.round;
    this.deps.step();
  }

  /** Who chooses next, from the frame shown: the informed live nodes (push), or the infective ones (rumor). */
  private updateHand(): void {
    const hand = this.s.hand, f = this.frame;
    if (!hand) return;
    if (!f) {
      this.set({ hand: { ...hand, sender: null, waiting: 0, picks: [], blocked: null } });
      return;
    }
    const key = Math.min(this.deps.shownKey(), f.keys - 1);
    const protocol = this.protocol;
    let blocked: string | null = null;
    if (protocol !== 'push' && protocol !== 'rumor') blocked = t('hand.onlyPush');
    else if (f.round >= hand.rounds) blocked = t('hand.done', { rounds: hand.rounds });
    else if (f.round < f.last) blocked = t('hand.inPast');
    else if (this.committedAt !== null) blocked = t('hand.running');
    const senders = blocked ? [] : sendersOf(f, key, protocol === 'rumor');
    const graph = this.deps.frames.graph();
    const perSenderOf = (s: number): number => Math.max(1, Math.min(f.settings.fanout, degreeOf(graph, s, f.alive.length)));
    let sender: number | null = null, waiting = 0;
    for (const s of senders) {
      const have = this.picks.filter(([x]) => x === s).length;
      if (have >= perSenderOf(s)) continue;
      if (sender === null) sender = s;
      else waiting++;
    }
    if (!blocked && senders.length === 0) blocked = t('hand.nobody');
    this.set({ hand: { ...hand, sender, waiting, perSender: sender === null ? 1 : perSenderOf(sender), picks: this.picks, blocked } });
  }

  /** The run's protocol (the session tells it when a run is built). */
  protocol: string = 'push';
}

function sendersOf(f: SpreadFrame, key: number, rumor: boolean): number[] {
  const out: number[] = [];
  const K = f.keys;
  for (let i = 0; i < f.alive.length; i++) {
    if (!f.alive[i]) continue;
    if (rumor ? f.rumor?.[i * K + key] === 1 : anyVersion(f, i)) out.push(i);
  }
  return out;
}

function anyVersion(f: SpreadFrame, node: number): boolean {
  for (let k = 0; k < f.keys; k++) if (f.versions[node * f.keys + k] !== 0) return true;
  return false;
}

function degreeOf(g: GraphSpec | null, node: number, n: number): number {
  return g?.offsets ? g.offsets[node + 1] - g.offsets[node] : n - 1;
}

function isNeighbour(g: GraphSpec | null, a: number, b: number): boolean {
  if (!g?.offsets || !g.neighbors) return a !== b;
  for (let i = g.offsets[a]; i < g.offsets[a + 1]; i++) if (g.neighbors[i] === b) return true;
  return false;
}

/** (parent, child) pairs of the shown key's spread tree: every node told by another. */
function treePairs(trace: SpreadTrace, key: number): Int32Array {
  const depths = spreadDepths(trace, key);
  const out: number[] = [];
  for (let v = 0; v < depths.length; v++) if (depths[v] > 0) out.push(trace.informer[v * trace.keys + key], v);
  return Int32Array.from(out);
}
