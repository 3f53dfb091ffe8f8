import { Rng } from '../engine/prng';
import type { Action, SimConfig } from '../engine/types';
import type { PartitionHealingStory } from '../presets/story';
import type { EngineClientHandlers } from '../worker/client';
import { MESSAGE_RECORD_LIMIT, type FromWorker, type ToWorker, type WireFrame } from '../worker/protocol';
import type { SectorApi } from './cluster-actions';
import { reactToStep } from './frame-reaction';
import { summarizeFrame, toNodeFrame } from './frame-summary';
import { needsRebuild, resolveForm } from './form';
import type { LiveFrameSource } from './frame-source';
import { PlayLoop } from './play-loop';
import type { HealOutcome } from './run-slice';
import { describeScheduled, dropRecordedAfter, markRefused, plannedAfter, recordEntry, toLogged } from './schedule';
import type { GossipState, GossipStore } from './store';
import { TimerSet, describeAction } from './session-helpers';

export interface ClientLike {
  send(msg: ToWorker): void;
  terminate(): void;
}

/** The part of the renderer's GraphApi the session uses. */
export interface SplitApi extends SectorApi {
  splitHalves(): [number[], number[]];
  /** The graph as drawn, as a PNG (the export). */
  toPngBlob?(): Promise<Blob>;
}

export interface SessionDeps {
  store: GossipStore;
  frames: LiveFrameSource;
  createClient(handlers: EngineClientHandlers): ClientLike;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export { SPEED_LIMITS } from './play-loop';

const NOTICE_MS = 8000;

/**
 * The engine side of the page's conductor: it owns the worker, builds runs, paces them (one
 * step request at a time, at the chosen speed, so the worker never runs ahead of the
 * drawing), turns frames into store fields and FrameSource arrays, and records what the user
 * does into the timeline. Session (session.ts) adds what the user can do.
 */
export class SessionCore {
  protected client: ClientLike | null = null;
  protected graphId = 0;
  protected requestId = 0;
  protected readonly loop: PlayLoop;
  protected autoApplyTimer: unknown = null;
  protected readonly storyTimers: TimerSet;
  protected pendingActions = new Map<number, Action>();
  /** The seek request in flight, if any (the slider sends one at a time, then the newest wanted). */
  protected seekRequest: number | null = null;
  /** The step request of a catch-up in flight (rebuilding a shared run up to its round). */
  protected catchUpRequest: number | null = null;
  /** Play as soon as the run being built has drawn its round 0 (a preset). */
  protected playWhenBuilt = false;
  /** The timeline changed while a run was being built: send it once the run is up. */
  protected scheduleWhenBuilt = false;
  /** The user edited the form while a run was being built (it could not follow then). */
  protected formChangedWhileBuilding = false;
  protected uiRng = new Rng(1);
  protected lastFrame: WireFrame | null = null;
  protected story: PartitionHealingStory | null = null;
  protected graphApi: SplitApi | null = null;
  protected readonly now: () => number;
  protected readonly setTimer: (fn: () => void, ms: number) => unknown;
  protected readonly clearTimer: (id: unknown) => void;

  constructor(protected readonly deps: SessionDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
    this.storyTimers = new TimerSet(this.setTimer, this.clearTimer);
    this.loop = new PlayLoop({
      get: () => this.state,
      set: (patch) => this.set(patch),
      frames: deps.frames,
      connected: () => this.client !== null,
      nextRequestId: () => ++this.requestId,
      sendStep: (requestId) => this.client?.send({ type: 'step', requestId }),
      now: this.now,
      setTimer: this.setTimer,
      clearTimer: this.clearTimer,
    });
  }

  protected get state() {
    return this.deps.store.getState();
  }

  protected set(patch: Partial<GossipState> | ((s: GossipState) => Partial<GossipState>)): void {
    this.deps.store.setState(patch);
  }

  /** Starts the worker and builds the run the form describes. */
  start(): void {
    this.connect();
    const { config } = resolveForm(this.state.form, this.state.appliedForm);
    this.build(config, config);
  }

  dispose(): void {
    this.pause();
    this.endStory();
    this.cancelAutoApply();
    this.client?.terminate();
    this.client = null;
  }

  /** After a worker failure: a fresh worker, and the current run rebuilt from round 0. */
  restart(): void {
    this.client?.terminate();
    this.set({ workerError: null });
    this.connect();
    this.build(this.state.runConfig, this.state.appliedForm);
    this.state.pushNotice('info', 'Restarted the simulation from round 0.');
  }

  protected connect(): void {
    this.loop.forget();
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.pendingActions.clear();
    this.client = this.deps.createClient({
      onMessage: (msg) => this.receive(msg),
      onFailure: (message) => this.fail(message),
    });
  }

  protected fail(message: string): void {
    this.pause();
    this.endStory();
    this.client = null;
    this.loop.forget();
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.set({ workerError: message, building: false, catchUpTo: null, seekTarget: null });
  }

  // ── Building runs ────────────────────────────────────────────────────────────────────────

  protected build(runConfig: SimConfig, formConfig: SimConfig): void {
    this.playWhenBuilt = false;
    this.formChangedWhileBuilding = false;
    this.scheduleWhenBuilt = false;
    this.cancelAutoApply();
    this.loop.stop();
    this.graphId++;
    this.lastFrame = null;
    this.uiRng = new Rng((runConfig.seed ^ 0x2545f491) >>> 0);
    this.state.markApplied(formConfig, runConfig);
    // A rebuilt run replays the scheduled timeline; what was done live belongs to the old run.
    const schedule = this.state.schedule.filter((e) => !e.recorded).map(({ refused: _refused, ...e }) => e);
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.set({
      status: 'idle', building: true, graph: null, round: 0, lastRound: 0, pastMetrics: null, seekTarget: null, catchUpTo: null, history: [], latest: [], latestSince: [], partition: null,
      actions: 0, convergedAt: null, selected: null, selectedInfo: null, mode: 'select', loss: runConfig.loss,
      // Notices speak of the run they came from.
      notices: [],
      schedule, scheduleDirty: false, partitioned: false, links: null, writes: [], spread: [], rumorEnded: false, rumorEndedAt: null, heal: null,
    });
    this.deps.frames.setSelected(null);
    const options = { recordMessages: runConfig.nodes <= MESSAGE_RECORD_LIMIT, trackNodeStats: true };
    this.client?.send({ type: 'init', graphId: this.graphId, config: runConfig, options, schedule: toLogged(schedule) });
  }

  /** Overridden by Session, which owns the timeline. */
  protected sendSchedule(): void {}

  protected endStory(): void {
    this.storyTimers.clear();
    this.story = null;
    if (this.state.story) this.set({ story: null });
  }

  /** A fresh, untouched run can follow the form without asking: nothing would be lost. */
  canAutoApply(): boolean {
    const s = this.state;
    return s.lastRound === 0 && s.actions === 0 && s.status !== 'playing' && s.story === null && !s.building;
  }

  protected cancelAutoApply(): void {
    if (this.autoApplyTimer !== null) this.clearTimer(this.autoApplyTimer);
    this.autoApplyTimer = null;
  }

  // ── Pacing ───────────────────────────────────────────────────────────────────────────────

  play(): void {
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  togglePlay(): void {
    if (this.state.status === 'playing') this.pause();
    else this.play();
  }

  /** Exactly one round (pausing a playing run first). */
  step(): void {
    this.loop.step();
  }

  setSpeed(roundsPerSecond: number): void {
    this.loop.setSpeed(roundsPerSecond);
  }

  // ── Messages from the worker ─────────────────────────────────────────────────────────────

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready': {
        if (msg.graph.graphId !== this.graphId) return;
        const g = msg.graph;
        this.deps.frames.setGraph({ id: g.graphId, nodes: g.nodes, topology: g.topology, offsets: g.offsets, neighbors: g.neighbors });
        this.set({ graph: { graphId: g.graphId, nodes: g.nodes, topology: g.topology, edges: g.edges, components: g.components, largestComponent: g.largestComponent } });
        return;
      }
      case 'frame':
        this.onFrame(msg.frame);
        return;
      case 'actionResult': {
        const action = this.pendingActions.get(msg.requestId) ?? msg.action;
        this.pendingActions.delete(msg.requestId);
        // An action at an earlier round forked the run there: what was done live later is gone.
        if (msg.round < this.state.lastRound) this.set((s) => ({ schedule: dropRecordedAfter(s.schedule, msg.round) }));
        this.noteApplied(action, msg.round);
        // What the user does live joins the timeline, so the run stays config + timeline.
        this.set((s) => ({ schedule: recordEntry(s.schedule, msg.round, action) }));
        return;
      }
      case 'error': {
        this.loop.refused(msg.requestId);
        if (msg.requestId !== null) this.refused(msg.requestId);
        const action = msg.requestId === null ? undefined : this.pendingActions.get(msg.requestId);
        if (msg.requestId !== null) this.pendingActions.delete(msg.requestId);
        if (this.state.building) this.set({ building: false });
        this.notify('error', action ? `${describeAction(action)} refused: ${msg.message}` : msg.message);
        return;
      }
      case 'fatal':
        this.fail(msg.message);
        return;
      default: {
        const unknown: never = msg;
        this.notify('error', `Unexpected message from the simulation: ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** An action took effect (live or from the timeline): count it, tell the story, follow a heal. */
  protected noteApplied(action: Action, round: number): void {
    if (action.type !== 'setLoss') this.set((s) => ({ actions: s.actions + 1 }));
    if (action.type === 'heal' && this.state.partition !== null) {
      const heal: HealOutcome = { round, key: this.state.shownKey, version: 0, missing: null, live: 0, missingNow: 0, repairedAt: null };
      this.set({ heal });
    }
    this.story?.onAction(action);
  }

  private onFrame(f: WireFrame): void {
    if (f.cause === 'step') this.loop.stepAnswered();
    if (f.cause === 'step') this.catchUpRequest = null;
    if (f.cause === 'seek') this.seekRequest = null;
    if (f.graphId !== this.graphId) {
      this.loop.schedule();
      return;
    }
    const prev = this.lastFrame;
    this.lastFrame = f;
    for (const entry of f.applied) this.noteApplied(entry.action, entry.round);
    for (const r of f.rejected) {
      this.set((s) => ({ schedule: markRefused(s.schedule, r.round, r.action, r.reason) }));
      this.notify('error', `Timeline, round ${r.round}: ${describeScheduled(r.action)} refused: ${r.reason}`);
    }
    this.deps.frames.setFrame(toNodeFrame(f, this.state.shownKey));
    this.set((s) => summarizeFrame(s, f));
    if (f.cause === 'init') {
      // The form may have changed while the run was being built (no auto-apply then): catch up.
      const { config } = resolveForm(this.state.form, this.state.appliedForm);
      if (this.formChangedWhileBuilding && this.canAutoApply() && needsRebuild(config, this.state.appliedForm)) {
        this.build(config, config);
        return;
      }
      if (this.scheduleWhenBuilt) {
        this.scheduleWhenBuilt = false;
        this.sendSchedule();
      }
      this.story?.begin();
      if (this.playWhenBuilt) {
        this.playWhenBuilt = false;
        this.play();
      }
    }
    // A story follows the run as it is made, not a look back at it.
    if (f.round === f.last) this.story?.onFrame(this.deps.frames.frame()!);
    this.afterFrame();
    if (f.cause === 'step' && this.state.status === 'playing') {
      const reaction = reactToStep(prev, f, this.state.runConfig, this.state.schedule, this.state.shownKey);
      if (reaction.pause) this.pause();
      for (const text of reaction.notices) this.notify('info', text);
    }
    this.loop.schedule();
  }

  /** Overridden by SessionRuns: the next seek of a drag, the next chunk of a catch-up. */
  protected afterFrame(): void {}

  /** Overridden by SessionRuns: a seek or a catch-up step was refused. */
  protected refused(_requestId: number): void {}

  // ── Actions ──────────────────────────────────────────────────────────────────────────────

  /**
   * Sends an action; the worker refuses invalid ones with a message and changes nothing. At an
   * earlier round the run forks there, and the planned actions after it stay planned.
   */
  apply(action: Action, quiet = false): void {
    if (!this.client || !this.lastFrame) {
      if (!quiet) this.notify('error', 'The run is not ready yet.');
      return;
    }
    const id = ++this.requestId;
    this.pendingActions.set(id, action);
    const { round, lastRound, schedule } = this.state;
    if (round < lastRound) this.client.send({ type: 'apply', requestId: id, action, future: plannedAfter(schedule, round) });
    else this.client.send({ type: 'apply', requestId: id, action });
  }

  protected notify(tone: 'info' | 'error', text: string): void {
    const id = this.state.pushNotice(tone, text);
    this.setTimer(() => this.state.dismissNotice(id), tone === 'error' ? NOTICE_MS * 1.5 : NOTICE_MS);
  }
}
