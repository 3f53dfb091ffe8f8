import type { MembershipConfig } from '../engine/membership';
import { membershipHalves, membershipPresetById } from '../presets/membership/catalog';
import { membershipCsvText, membershipJsonText } from '../export/membership-exports';
import { runFileBase } from '../export/file-names';
import { PAGE_MAX_NODES, formFromConfig, needsRebuild, resolveMembershipForm, type MembershipForm } from '../run/membership-form';
import type { Scenario, ScenarioProblem } from '../engine/scenario';
import { membershipScenarioText, type MembershipScenario } from '../share/run-file';
import { pointOf } from '../run/membership-summary';
import { makeEntry, toLogged } from '../run/schedule';
import type { MembershipRunLink } from '../share/run-link';
import type { MembershipState } from '../store/membership-store';
import type { LiveFrameSource } from '../view/live-frame-source';
import { membershipGraphSpec, membershipNodeFrame } from '../run/membership-view';
import type { FromWorker, MembershipFrame } from '../worker/protocol';
import { HISTORY_LIMIT } from './frame-summary';
import { openingNotice, type InitialMembershipRun } from './initial-run';
import { RunSession, type ExportKind, type RunSessionDeps } from './run-session';
import { i18next } from '../i18n';
import { textOf } from '../presets/preset-text';
import { MembershipSpaceTime } from './membership-space-time';
import { membershipTraceStore } from '../store/trace-store';

/** The mode's FrameSource: the renderer's NodeFrame, and the whole frame (tables, matrix) as its detail. */
export type MembershipFrameSource = LiveFrameSource<MembershipFrame>;

export interface MembershipSessionDeps extends RunSessionDeps<MembershipState> {
  frames: MembershipFrameSource;
}

/** Rounds per catch-up request: a heartbeat round costs O(n²), so about a second of it. */
export function membershipCatchUpChunk(nodes: number): number {
  return Math.min(500, Math.max(1, Math.floor(4_000_000 / Math.max(1, nodes * nodes))));
}

/**
 * The membership model's session (RunSession plus what membership has): its frames become the
 * cluster's summary, the per-round history and the renderer's "who is wrong about whom"
 * colours; its form, presets that pause where their story ends, the side-by-side comparison,
 * the graph/matrix view. Time travel, the timeline and whole runs come from RunSession.
 */
export class MembershipSession extends RunSession<MembershipState, MembershipFrame> {
  private compareRequest: number | null = null;
  private started = false;

  /** The space-time diagram of this mode (built from the messages its frames carry). */
  readonly spaceTime: MembershipSpaceTime;

  constructor(protected override readonly deps: MembershipSessionDeps, traceStore = membershipTraceStore) {
    super(deps);
    this.spaceTime = new MembershipSpaceTime(traceStore, deps.frames);
  }

  /** Starts the worker and builds the run the form describes; later calls do nothing (the run survives a mode switch). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
    this.reset();
  }

  override dispose(): void {
    super.dispose();
    this.started = false;
  }

  /** After a worker failure: a fresh worker and the run rebuilt from round 0. */
  restart(): void {
    this.client?.terminate();
    this.set({ workerError: null });
    this.connect();
    this.reset();
    this.notify('info', i18next.t('notices:restartedMembership'));
  }

  protected override connect(): void {
    this.compareRequest = null;
    super.connect();
  }

  // ── Building runs ────────────────────────────────────────────────────────────────────

  /** Rebuilds the run from the form (keeping a loaded preset's timeline); a refused form changes nothing. */
  reset(): void {
    const { config } = resolveMembershipForm(this.state.form);
    if (!config) {
      this.notify('error', i18next.t('notices:settingsRefused'));
      return;
    }
    // A preset replayed from round 0 pauses where its story ends again.
    const p = this.state.preset;
    if (p) this.set({ preset: { ...p, pauseAt: membershipPresetById(p.id)?.pauseAt ?? null } });
    this.build(config);
  }

  protected build(config: MembershipConfig): void {
    const keep = this.state.selected !== null && this.state.selected < config.nodes ? this.state.selected : null;
    this.launch({ type: 'init', model: 'membership', config }, {
      applied: config, history: [], last: null, summary: null, nodes: config.nodes, live: config.nodes, loss: config.loss, selected: keep,
    });
    this.deps.frames.setSelected(keep);
    this.sendWatch();
  }

  /** Starts with the run of a link, or else the form's run; later calls do nothing (the run survives a mode switch). */
  startWith(initial: InitialMembershipRun | null): void {
    if (this.started) return;
    if (!initial) {
      this.start();
      return;
    }
    this.loadRun(initial.run, openingNotice(initial));
    if (initial.speed !== undefined) this.setSpeed(initial.speed);
  }

  /** Opens a whole run (a link's): its settings in the form, its actions planned, run up to its round; `notice` says where it came from. */
  loadRun(run: MembershipRunLink, notice: { tone: 'info' | 'error'; text: string; sticky?: boolean } | null = null): void {
    this.set({ form: formFromConfig(run.config), schedule: run.actions.map((e) => makeEntry(e.round, e.action)), preset: null, comparison: null });
    this.started = true;
    if (!this.client) this.connect();
    this.build(run.config);
    this.catchUpTo(run.round);
    if (notice?.sticky) this.state.pushNotice(notice.tone, notice.text);
    else if (notice) this.notify(notice.tone, notice.text);
  }

  /** The run as a link holds it: settings, every action, the round shown; null while none is up. */
  currentRun(): MembershipRunLink | null {
    const s = this.state;
    if (!this.lastFrame || !s.applied || (s.building && s.catchUpTo === null)) return null;
    return { model: 'membership', config: s.applied, actions: toLogged(s.schedule), round: s.catchUpTo ?? s.round };
  }

  protected catchUpChunk(): number {
    return membershipCatchUpChunk(this.state.nodes);
  }

  protected onReady(msg: Extract<FromWorker, { type: 'ready' }>): void {
    if (msg.model !== 'membership') return;
    this.deps.frames.setGraph(membershipGraphSpec(msg.graph.graphId, msg.graph.nodes));
    this.set({ resolved: msg.config, stateBytes: msg.stateBytes });
  }

  protected show(f: MembershipFrame): void {
    this.deps.frames.setFrame(membershipNodeFrame(f, f.graphId), f);
    this.spaceTime.onFrame(f);
    const live = f.alive.reduce((a, b) => a + b, 0);
    this.set((s) => {
      // The history is the rounds run (the last HISTORY_LIMIT); an earlier round shown leaves it alone (the charts mark it).
      let history = s.history;
      if (f.cause === 'init') history = [];
      else if (f.round === f.last && f.metrics) {
        const from = (f.between[0] ?? f.metrics).round;
        history = [...s.history.filter((p) => p.round < from), ...f.between.map(pointOf), pointOf(f.metrics)];
        // The last HISTORY_LIMIT rounds, as Dissemination keeps: the soak found every round kept
        // (heap growing ~0.6 MB a minute at the speed cap, and the whole list copied each round).
        if (history.length > HISTORY_LIMIT) history = history.slice(history.length - HISTORY_LIMIT);
      }
      return {
        building: false, round: f.round, lastRound: f.last, live, loss: f.loss, partitioned: f.partitioned,
        summary: f.summary, last: f.metrics, history,
      };
    });
  }

  protected override onPlayedRound(_prev: MembershipFrame | null, f: MembershipFrame): void {
    const p = this.state.preset;
    if (p && p.pauseAt !== null && f.round >= p.pauseAt) {
      this.pause();
      this.set({ preset: { ...p, pauseAt: null } });
      this.notify('info', i18next.t('notices:storyTold', { title: p.title, round: f.round }));
    }
  }

  protected override onComparison(msg: Extract<FromWorker, { type: 'comparison' }>): void {
    if (msg.requestId === this.compareRequest) this.set((s) => ({ comparison: s.comparison && { ...s.comparison, series: msg.series } }));
  }

  protected override receive(msg: FromWorker): void {
    if (msg.type === 'error' && msg.requestId !== null && msg.requestId === this.compareRequest) this.set({ comparison: null });
    super.receive(msg);
  }

  loadPreset(id: string): void {
    const preset = membershipPresetById(id);
    if (!preset) {
      this.notify('error', i18next.t('notices:noMembershipPreset', { id }));
      return;
    }
    const form = formFromConfig(preset.config);
    this.set({
      form, schedule: preset.schedule.map((e) => makeEntry(e.round, e.action)),
      preset: textOf({ id: preset.id, pauseAt: preset.pauseAt }, preset), selected: preset.select, comparison: null,
    });
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
    this.set({ preset: null, comparison: null, schedule: [] });
  }

  // ── Form ─────────────────────────────────────────────────────────────────────────────

  setFormValue<K extends keyof MembershipForm>(field: K, value: MembershipForm[K]): void {
    this.set((s) => ({ form: { ...s.form, [field]: value } }));
    const { config, problems } = resolveMembershipForm(this.state.form);
    if (field === 'loss' && !problems.loss && config && this.lastFrame && config.loss !== this.state.loss) {
      this.apply({ type: 'setLoss', p: config.loss }, true);
    }
    if (config && needsRebuild(config, this.state.applied)) this.followForm(() => this.reset());
    else this.cancelFollowForm();
  }

  /** The form differs from the run in a way only a rebuild applies. */
  formIsDirty(): boolean {
    return needsRebuild(resolveMembershipForm(this.state.form).config, this.state.applied);
  }

  override play(): void {
    if (!this.loop.canPlay()) return;
    const p = this.state.preset;
    if (p?.pauseAt !== null && p?.pauseAt !== undefined && this.state.round >= p.pauseAt) this.set({ preset: { ...p, pauseAt: null } });
    super.play();
  }

  // ── Actions on the cluster ───────────────────────────────────────────────────────────

  splitHalves(): void {
    if (!this.lastFrame) return;
    this.apply({ type: 'partition', groups: membershipHalves(this.lastFrame.alive.length) });
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

  // ── Files ───────────────────────────────────────────────────────────────────────────────

  exportText(kind: ExportKind): string | null {
    const s = this.state;
    const actions = toLogged(s.schedule);
    if (!s.applied) return '';
    return kind === 'scenario' ? this.fileOrNotice(membershipScenarioText(s.applied, actions)) : kind === 'csv' ? membershipCsvText(s.history) : membershipJsonText(s.applied, actions, s.history);
  }

  exportBase(): string {
    const c = this.state.applied;
    return c ? runFileBase({ protocol: c.protocol, nodes: c.nodes, seed: c.seed }, this.state.round) : 'gossip-lab-membership';
  }

  protected readonly model = 'membership';

  protected fileProblems(scenario: MembershipScenario | Scenario): ScenarioProblem[] {
    return scenario.config.nodes > PAGE_MAX_NODES
      ? [{ path: '$.config.nodes', message: `the page runs membership clusters of at most ${PAGE_MAX_NODES.toLocaleString('en-US')} nodes` }]
      : [];
  }

  protected openFile(scenario: MembershipScenario | Scenario, notice: { tone: 'info'; text: string }): void {
    const s = scenario as MembershipScenario;
    this.loadRun({ model: 'membership', config: s.config, actions: s.actions, round: 0 }, notice);
  }

}
