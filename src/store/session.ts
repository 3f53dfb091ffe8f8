import { Rng } from '../engine/prng';
import type { Action, SimConfig } from '../engine/types';
import { PARTITION_HEALING_CONFIG, PARTITION_HEALING_SPEED } from '../presets/partition-healing';
import { PartitionHealingStory } from '../presets/story';
import type { EngineClientHandlers } from '../worker/client';
import { MESSAGE_RECORD_LIMIT, type FromWorker, type ToWorker, type WireFrame } from '../worker/protocol';
import { formFromConfig, needsRebuild, resolveForm, type FormValues } from './form';
import { isConverged, selectedInfoOf, summarizeFrame, toNodeFrame } from './frame-summary';
import type { LiveFrameSource } from './frame-source';
import type { GossipState, GossipStore } from './store';
import { TimerSet, chooseHalves, describeAction, pickLiveNode, validSides } from './session-helpers';

export interface ClientLike {
  send(msg: ToWorker): void;
  terminate(): void;
}

/** The part of the renderer's GraphApi the session uses. */
export interface SplitApi {
  splitHalves(): [number[], number[]];
}

export interface SessionDeps {
  store: GossipStore;
  frames: LiveFrameSource;
  createClient(handlers: EngineClientHandlers): ClientLike;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export const SPEED_LIMITS = { min: 0.5, max: 30 } as const;
/** A form change rebuilds a fresh run by itself after this quiet time. */
const AUTO_APPLY_MS = 400;
const NOTICE_MS = 8000;

/**
 * The conductor between the page and the engine worker. It paces the run (one step request
 * at a time, at the chosen speed, so the worker never runs ahead of the drawing), turns frames
 * into store fields and FrameSource arrays, applies the user's actions and runs presets.
 * Components call its methods; nothing here touches the DOM.
 */
export class Session {
  private client: ClientLike | null = null;
  private graphId = 0;
  private requestId = 0;
  private stepRequest: number | null = null;
  private lastStepAt = -Infinity;
  private stepTimer: unknown = null;
  private autoApplyTimer: unknown = null;
  private readonly storyTimers: TimerSet;
  private pendingActions = new Map<number, Action>();
  private uiRng = new Rng(1);
  private lastFrame: WireFrame | null = null;
  private story: PartitionHealingStory | null = null;
  private graphApi: SplitApi | null = null;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (id: unknown) => void;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
    this.storyTimers = new TimerSet(this.setTimer, this.clearTimer);
    deps.frames.setRoundDurationMs(1000 / this.state.speed);
  }

  private get state() {
    return this.deps.store.getState();
  }

  private set(patch: Partial<GossipState> | ((s: GossipState) => Partial<GossipState>)): void {
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

  private connect(): void {
    this.stepRequest = null;
    this.pendingActions.clear();
    this.client = this.deps.createClient({
      onMessage: (msg) => this.receive(msg),
      onFailure: (message) => this.fail(message),
    });
  }

  private fail(message: string): void {
    this.pause();
    this.endStory();
    this.client = null;
    this.stepRequest = null;
    this.set({ workerError: message, building: false });
  }

  // ── Building runs ────────────────────────────────────────────────────────────────────────

  private build(runConfig: SimConfig, formConfig: SimConfig): void {
    this.cancelAutoApply();
    this.clearStepTimer();
    this.graphId++;
    this.lastFrame = null;
    this.uiRng = new Rng((runConfig.seed ^ 0x2545f491) >>> 0);
    this.state.markApplied(formConfig, runConfig);
    this.set({
      status: 'idle', building: true, graph: null, round: 0, history: [], latest: [], latestSince: [], partition: null,
      actions: 0, convergedAt: null, selected: null, selectedInfo: null, mode: 'select', loss: runConfig.loss,
    });
    this.deps.frames.setSelected(null);
    const options = { recordMessages: runConfig.nodes <= MESSAGE_RECORD_LIMIT, trackNodeStats: true };
    this.client?.send({ type: 'init', graphId: this.graphId, config: runConfig, options });
  }

  /**
   * Rebuilds the run from the form's configuration and seed. With `normalize`, the form then
   * shows the values actually used (clamped ones included); the silent rebuild of a fresh run
   * leaves a half-typed field alone.
   */
  reset(normalize = true): void {
    this.endStory();
    const { config } = resolveForm(this.state.form, this.state.appliedForm);
    if (normalize) this.set({ form: formFromConfig(config) });
    this.build(config, config);
  }

  loadPartitionHealing(): void {
    this.endStory();
    const form = formFromConfig(PARTITION_HEALING_CONFIG);
    this.set({ form });
    this.setSpeed(PARTITION_HEALING_SPEED);
    this.build(PARTITION_HEALING_CONFIG, resolveForm(form, PARTITION_HEALING_CONFIG).config);
    this.story = new PartitionHealingStory({
      apply: (action) => this.apply(action),
      play: () => this.play(),
      pause: () => this.pause(),
      show: (view) => this.set({ story: view }),
      halves: () => this.halves(),
      graph: () => this.deps.frames.graph(),
      later: (fn, ms) => this.storyTimers.later(fn, ms),
    });
  }

  private endStory(): void {
    this.storyTimers.clear();
    this.story = null;
    if (this.state.story) this.set({ story: null });
  }

  // ── Form ─────────────────────────────────────────────────────────────────────────────────

  setFormValue<K extends keyof FormValues>(field: K, value: FormValues[K]): void {
    this.state.setFormValue(field, value);
    const { config, notes } = resolveForm(this.state.form, this.state.appliedForm);
    if (field === 'loss' && notes.loss?.tone !== 'adjusted' && config.loss !== this.state.loss && this.lastFrame) {
      this.apply({ type: 'setLoss', p: config.loss }, true);
    }
    this.cancelAutoApply();
    if (this.canAutoApply() && needsRebuild(config, this.state.appliedForm)) {
      this.autoApplyTimer = this.setTimer(() => {
        this.autoApplyTimer = null;
        if (this.canAutoApply()) this.reset(false);
      }, AUTO_APPLY_MS);
    }
  }

  /** A fresh, untouched run can follow the form without asking: nothing would be lost. */
  canAutoApply(): boolean {
    const s = this.state;
    return s.round === 0 && s.actions === 0 && s.status !== 'playing' && s.story === null && !s.building;
  }

  private cancelAutoApply(): void {
    if (this.autoApplyTimer !== null) this.clearTimer(this.autoApplyTimer);
    this.autoApplyTimer = null;
  }

  // ── Pacing ───────────────────────────────────────────────────────────────────────────────

  play(): void {
    if (!this.client || this.state.building) return;
    this.set({ status: 'playing' });
    this.schedule();
  }

  pause(): void {
    this.clearStepTimer();
    if (this.state.status === 'playing') this.set({ status: 'paused' });
  }

  togglePlay(): void {
    if (this.state.status === 'playing') this.pause();
    else this.play();
  }

  /** Exactly one round (pausing a playing run first). */
  step(): void {
    this.pause();
    if (this.state.building || this.stepRequest !== null) return;
    this.requestStep();
    if (this.state.status === 'idle') this.set({ status: 'paused' });
  }

  setSpeed(roundsPerSecond: number): void {
    const v = Number.isFinite(roundsPerSecond) ? roundsPerSecond : 2;
    const speed = Math.min(SPEED_LIMITS.max, Math.max(SPEED_LIMITS.min, v));
    this.set({ speed });
    this.deps.frames.setRoundDurationMs(1000 / speed);
    if (this.stepTimer !== null) {
      this.clearStepTimer();
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.state.status !== 'playing' || this.stepRequest !== null || this.stepTimer !== null) return;
    const delay = Math.max(0, this.lastStepAt + 1000 / this.state.speed - this.now());
    this.stepTimer = this.setTimer(() => {
      this.stepTimer = null;
      if (this.state.status === 'playing' && this.stepRequest === null) this.requestStep();
    }, delay);
  }

  private requestStep(): void {
    if (!this.client) return;
    this.stepRequest = ++this.requestId;
    this.lastStepAt = this.now();
    this.client.send({ type: 'step', requestId: this.stepRequest });
  }

  private clearStepTimer(): void {
    if (this.stepTimer !== null) this.clearTimer(this.stepTimer);
    this.stepTimer = null;
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
        if (action.type !== 'setLoss') this.set((s) => ({ actions: s.actions + 1 }));
        this.story?.onAction(action);
        return;
      }
      case 'error': {
        if (msg.requestId !== null && msg.requestId === this.stepRequest) {
          this.stepRequest = null;
          this.pause();
        }
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

  private onFrame(f: WireFrame): void {
    if (f.cause === 'step') this.stepRequest = null;
    if (f.graphId !== this.graphId) {
      this.schedule();
      return;
    }
    const wasConverged = this.lastFrame ? isConverged(this.lastFrame) : false;
    this.lastFrame = f;
    this.deps.frames.setFrame(toNodeFrame(f));
    this.set((s) => summarizeFrame(s, f));
    if (f.cause === 'init') this.story?.begin();
    this.story?.onFrame(this.deps.frames.frame()!);
    if (f.cause === 'step' && !wasConverged && isConverged(f) && this.state.status === 'playing') {
      this.pause();
      this.notify('info', `Every live node holds the newest version after round ${f.round}: paused.`);
    }
    this.schedule();
  }

  // ── Actions ──────────────────────────────────────────────────────────────────────────────

  /** Sends an action; the worker refuses invalid ones with a message and changes nothing. */
  apply(action: Action, quiet = false): void {
    if (!this.client || !this.lastFrame) {
      if (!quiet) this.notify('error', 'The run is not ready yet.');
      return;
    }
    const id = ++this.requestId;
    this.pendingActions.set(id, action);
    this.client.send({ type: 'apply', requestId: id, action });
  }

  /** Writes a new version at the selected node, or at a live node the run's own PRNG picks. */
  writeUpdate(): void {
    const f = this.lastFrame;
    if (!f) return;
    const node = this.state.selected ?? pickLiveNode(f.alive, this.uiRng);
    if (node === null) this.notify('error', 'Every node is crashed: recover one before writing.');
    else this.apply({ type: 'write', node, key: this.state.shownKey });
  }

  /** Crashes a live node or recovers a crashed one (the selected node by default). */
  toggleCrash(node: number | null = this.state.selected): void {
    const f = this.lastFrame;
    if (!f) return;
    if (node === null) {
      this.notify('info', 'Select a node first (click it), then press Crash.');
      return;
    }
    this.apply({ type: f.alive[node] ? 'crash' : 'recover', node });
  }

  select(node: number | null): void {
    const n = node !== null && this.lastFrame && (node < 0 || node >= this.lastFrame.alive.length) ? null : node;
    this.set({ selected: n, selectedInfo: this.lastFrame ? selectedInfoOf(this.lastFrame, n) : null });
    this.deps.frames.setSelected(n);
    if (this.lastFrame) this.client?.send({ type: 'watch', node: n });
  }

  setGraphApi(api: SplitApi | null): void {
    this.graphApi = api;
  }

  toggleSplitMode(): void {
    this.set((s) => ({ mode: s.mode === 'split' ? 'select' : 'split' }));
  }

  /** Esc: leave split mode, or else clear the selection. */
  escape(): void {
    if (this.state.mode === 'split') this.set({ mode: 'select' });
    else if (this.state.selected !== null) this.select(null);
  }

  /** Partitions the network into the two sides of a line the user drew. */
  partition(sides: [number[], number[]]): void {
    this.set({ mode: 'select' });
    const problem = validSides(sides, this.lastFrame?.alive.length ?? 0);
    if (problem) {
      this.notify('error', problem);
      return;
    }
    this.apply({ type: 'partition', groups: [sides[0], sides[1]] });
  }

  splitInHalves(): void {
    this.partition(this.halves().sides);
  }

  heal(): void {
    this.apply({ type: 'heal' });
  }

  private halves(): { sides: [number[], number[]]; byLayout: boolean } {
    return chooseHalves(this.graphApi, this.lastFrame?.alive.length ?? 0);
  }

  private notify(tone: 'info' | 'error', text: string): void {
    const id = this.state.pushNotice(tone, text);
    this.setTimer(() => this.state.dismissNotice(id), tone === 'error' ? NOTICE_MS * 1.5 : NOTICE_MS);
  }
}
