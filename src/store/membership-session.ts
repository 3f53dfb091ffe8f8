import type { MembershipConfig } from '../engine/membership';
import type { Action, LoggedAction } from '../engine/types';
import { membershipHalves, membershipPresetById } from '../presets/membership/catalog';
import type { MembershipClientHandlers } from '../worker/membership-client';
import { membershipGraphSpec, membershipNodeFrame } from '../view/membership-view';
import type { FromMembershipWorker, MembershipWireFrame, ToMembershipWorker } from '../worker/membership-protocol';
import { formFromConfig, needsRebuild, resolveMembershipForm, type MembershipForm } from './membership-form';
import type { MembershipFrames } from './membership-frames';
import type { MembershipState, MembershipStore } from './membership-store';
import { pointOf } from './membership-summary';
import { PlayLoop } from './play-loop';

export interface MembershipClientLike {
  send(msg: ToMembershipWorker): void;
  terminate(): void;
}

export interface MembershipSessionDeps {
  store: MembershipStore;
  frames: MembershipFrames;
  createClient(handlers: MembershipClientHandlers): MembershipClientLike;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

/** A form change rebuilds a fresh run by itself after this quiet time. */
const AUTO_APPLY_MS = 400;
const NOTICE_MS = 8000;
/** Rounds of history kept for the charts (a long run keeps its last this many). */
const HISTORY_LIMIT = 20_000;

const describeAction = (a: Action): string =>
  a.type === 'crash' ? `Crash node ${a.node}` : a.type === 'recover' ? `Recover node ${a.node}` : a.type === 'partition' ? 'Split' : a.type === 'heal' ? 'Heal' : a.type === 'setLoss' ? 'Packet loss' : a.type;

/**
 * The conductor of the membership mode: owns its worker, builds runs from the form (or a
 * preset), paces them one step request at a time at the chosen speed, and turns frames into
 * store fields and the frame holder. Nothing here touches the DOM.
 */
export class MembershipSession {
  private client: MembershipClientLike | null = null;
  private runId = 0;
  private requestId = 0;
  private readonly loop: PlayLoop;
  private compareRequest: number | null = null;
  private autoApplyTimer: unknown = null;
  private schedule: LoggedAction[] = [];
  private playWhenBuilt = false;
  private started = false;
  private noticeId = 0;
  private lastFrame: MembershipWireFrame | null = null;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (id: unknown) => void;

  constructor(private readonly deps: MembershipSessionDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
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

  private get state(): MembershipState {
    return this.deps.store.getState();
  }

  private set(patch: Partial<MembershipState> | ((s: MembershipState) => Partial<MembershipState>)): void {
    this.deps.store.setState(patch);
  }

  /** Starts the worker and builds the run the form describes; later calls do nothing (the run survives a mode switch). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
    this.reset();
  }

  dispose(): void {
    this.pause();
    this.cancelAutoApply();
    this.client?.terminate();
    this.client = null;
    this.started = false;
  }

  /** After a worker failure: a fresh worker and the run rebuilt from round 0. */
  restart(): void {
    this.client?.terminate();
    this.set({ workerError: null });
    this.connect();
    this.reset();
    this.notify('info', 'Restarted the membership simulation from round 0.');
  }

  private connect(): void {
    this.loop.forget();
    this.compareRequest = null;
    this.client = this.deps.createClient({ onMessage: (m) => this.receive(m), onFailure: (m) => this.fail(m) });
  }

  private fail(message: string): void {
    this.pause();
    this.client = null;
    this.loop.forget();
    this.set({ workerError: message, building: false });
  }

  // ── Building runs ────────────────────────────────────────────────────────────────────

  /** Rebuilds the run from the form (keeping a loaded preset's timeline); a refused form changes nothing. */
  reset(): void {
    const { config } = resolveMembershipForm(this.state.form);
    if (!config) {
      this.notify('error', 'Some settings are refused (see the messages under them): the run is unchanged.');
      return;
    }
    // A preset replayed from round 0 pauses where its story ends again.
    const p = this.state.preset;
    if (p) this.set({ preset: { ...p, pauseAt: membershipPresetById(p.id)?.pauseAt ?? null } });
    this.build(config);
  }

  private build(config: MembershipConfig): void {
    this.playWhenBuilt = false;
    this.cancelAutoApply();
    this.loop.stop();
    this.loop.forget();
    this.runId++;
    this.lastFrame = null;
    const keep = this.state.selected !== null && this.state.selected < config.nodes ? this.state.selected : null;
    this.set({
      applied: config, status: 'idle', building: true, round: 0, actions: 0, history: [], last: null, summary: null,
      nodes: config.nodes, live: config.nodes, loss: config.loss, partitioned: false, selected: keep,
    });
    this.deps.frames.setSelected(keep);
    this.deps.frames.setFrame(null, this.now());
    this.deps.frames.source.setGraph(membershipGraphSpec(this.runId, config.nodes));
    this.client?.send({ type: 'init', runId: this.runId, config, schedule: this.schedule.map((e) => structuredClone(e)) });
    this.sendWatch();
  }

  loadPreset(id: string): void {
    const preset = membershipPresetById(id);
    if (!preset) {
      this.notify('error', `No membership preset called "${id}".`);
      return;
    }
    const form = formFromConfig(preset.config);
    this.schedule = preset.schedule.map((e) => structuredClone(e));
    this.set({ form, preset: { id: preset.id, title: preset.title, caption: preset.caption, pauseAt: preset.pauseAt }, selected: preset.select, comparison: null });
    this.setSpeed(preset.speed);
    this.build(resolveMembershipForm(form).config!);
    this.playWhenBuilt = true;
    if (preset.compare && this.client) {
      const heal = preset.schedule.find((e) => e.action.type === 'heal')?.round ?? null;
      this.compareRequest = ++this.requestId;
      this.set({ comparison: { presetId: preset.id, series: null, marker: heal } });
      this.client.send({ type: 'compare', requestId: this.compareRequest, config: preset.config, schedule: preset.schedule, rounds: preset.compare.rounds, variants: preset.compare.variants });
    }
  }

  /** Drops the loaded preset and its timeline (the next Reset builds from the form alone). */
  leavePreset(): void {
    this.schedule = [];
    this.set({ preset: null, comparison: null });
  }

  // ── Form ─────────────────────────────────────────────────────────────────────────────

  setFormValue<K extends keyof MembershipForm>(field: K, value: MembershipForm[K]): void {
    this.set((s) => ({ form: { ...s.form, [field]: value } }));
    const { config, problems } = resolveMembershipForm(this.state.form);
    if (field === 'loss' && !problems.loss && config && this.lastFrame && config.loss !== this.state.loss) {
      this.apply({ type: 'setLoss', p: config.loss }, true);
    }
    this.cancelAutoApply();
    if (config && this.canAutoApply() && needsRebuild(config, this.state.applied)) {
      this.autoApplyTimer = this.setTimer(() => {
        this.autoApplyTimer = null;
        if (this.canAutoApply()) this.reset();
      }, AUTO_APPLY_MS);
    }
  }

  /** A fresh, untouched run can follow the form without asking: nothing would be lost. */
  canAutoApply(): boolean {
    const s = this.state;
    return s.round === 0 && s.actions === 0 && s.status !== 'playing' && !s.building;
  }

  /** The form differs from the run in a way only a rebuild applies. */
  formIsDirty(): boolean {
    return needsRebuild(resolveMembershipForm(this.state.form).config, this.state.applied);
  }

  private cancelAutoApply(): void {
    if (this.autoApplyTimer !== null) this.clearTimer(this.autoApplyTimer);
    this.autoApplyTimer = null;
  }

  // ── Pacing ───────────────────────────────────────────────────────────────────────────

  play(): void {
    if (!this.loop.canPlay()) return;
    const p = this.state.preset;
    if (p?.pauseAt !== null && p?.pauseAt !== undefined && this.state.round >= p.pauseAt) this.set({ preset: { ...p, pauseAt: null } });
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  togglePlay(): void {
    if (this.state.status === 'playing') this.pause();
    else this.play();
  }

  /** Exactly one round (pausing a playing run first); without a worker nothing else happens. */
  step(): void {
    if (this.client) this.loop.step();
    else this.pause();
  }

  setSpeed(roundsPerSecond: number): void {
    this.loop.setSpeed(roundsPerSecond);
  }

  // ── Actions on the cluster ───────────────────────────────────────────────────────────

  /** Sends an action; the worker refuses invalid ones with a message and changes nothing. */
  apply(action: Action, quiet = false): void {
    if (!this.client || !this.lastFrame) {
      if (!quiet) this.notify('error', 'The run is not ready yet.');
      return;
    }
    this.client.send({ type: 'apply', requestId: ++this.requestId, action });
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

  splitHalves(): void {
    if (!this.lastFrame) return;
    this.apply({ type: 'partition', groups: membershipHalves(this.lastFrame.alive.length) });
  }

  heal(): void {
    if (!this.state.partitioned) {
      this.notify('info', 'The network is whole: nothing to heal.');
      return;
    }
    this.apply({ type: 'heal' });
  }

  select(node: number | null): void {
    const n = node !== null && (!Number.isInteger(node) || node < 0 || node >= this.state.nodes) ? null : node;
    this.set({ selected: n });
    this.deps.frames.setSelected(n);
    this.sendWatch();
  }

  setView(view: MembershipState['view']): void {
    this.set({ view });
    this.sendWatch();
  }

  /** Esc: clears the selection. */
  escape(): void {
    if (this.state.selected !== null) this.select(null);
  }

  private sendWatch(): void {
    if (this.lastFrame || this.state.building) this.client?.send({ type: 'watch', node: this.state.selected, matrix: this.state.view === 'matrix' });
  }

  dismissNotice(id: number): void {
    this.set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  }

  notify(tone: 'info' | 'error', text: string): void {
    const id = ++this.noticeId;
    this.set((s) => ({ notices: [...s.notices.slice(-2), { id, tone, text }] }));
    this.setTimer(() => this.dismissNotice(id), tone === 'error' ? NOTICE_MS * 1.5 : NOTICE_MS);
  }

  // ── Messages from the worker ─────────────────────────────────────────────────────────

  private receive(msg: FromMembershipWorker): void {
    switch (msg.type) {
      case 'ready':
        if (msg.runId === this.runId) this.set({ resolved: msg.config, stateBytes: msg.stateBytes });
        return;
      case 'frame':
        this.onFrame(msg.frame);
        return;
      case 'actionResult':
        if (msg.action.type !== 'setLoss') this.set((s) => ({ actions: s.actions + 1 }));
        return;
      case 'comparison':
        if (msg.requestId === this.compareRequest) this.set((s) => ({ comparison: s.comparison && { ...s.comparison, series: msg.series } }));
        return;
      case 'error':
        this.loop.refused(msg.requestId);
        if (msg.requestId !== null && msg.requestId === this.compareRequest) this.set({ comparison: null });
        if (this.state.building) this.set({ building: false });
        this.notify('error', msg.message);
        return;
      case 'fatal':
        this.fail(msg.message);
        return;
      default: {
        const unknown: never = msg;
        this.notify('error', `Unexpected message from the membership simulation: ${JSON.stringify(unknown)}`);
      }
    }
  }

  private onFrame(f: MembershipWireFrame): void {
    if (f.cause === 'step') this.loop.stepAnswered();
    if (f.runId !== this.runId) {
      this.loop.schedule();
      return;
    }
    this.lastFrame = f;
    this.deps.frames.setFrame(f, this.now());
    this.deps.frames.source.setFrame(membershipNodeFrame(f, this.runId));
    for (const r of f.rejected) this.notify('error', `Timeline, round ${r.round}: ${describeAction(r.action)} refused: ${r.reason}`);
    const live = f.alive.reduce((a, b) => a + b, 0);
    this.set((s) => ({
      building: false,
      round: f.round,
      live,
      loss: f.loss,
      partitioned: f.partitioned,
      summary: f.summary,
      last: f.metrics,
      history: f.cause === 'step' && f.metrics ? [...s.history.slice(-(HISTORY_LIMIT - 1)), pointOf(f.metrics)] : s.history,
    }));
    if (f.cause === 'init' && this.playWhenBuilt) {
      this.playWhenBuilt = false;
      this.play();
    }
    const p = this.state.preset;
    if (f.cause === 'step' && p && p.pauseAt !== null && f.round >= p.pauseAt && this.state.status === 'playing') {
      this.pause();
      this.set({ preset: { ...p, pauseAt: null } });
      this.notify('info', `"${p.title}" has told its story at round ${f.round}: press Play to go on.`);
    }
    this.loop.schedule();
  }
}
