import type { MembershipConfig } from '../engine/membership';
import { membershipHalves, membershipPresetById } from '../presets/membership/catalog';
import { membershipCsvText, membershipJsonText } from '../export/membership-exports';
import { runFileBase } from '../export/file-names';
import { PAGE_MAX_NODES, PAGE_NODES_PROBLEM, formFromConfig, needsRebuild, resolveMembershipForm, type MembershipForm } from '../run/membership-form';
import type { ScenarioProblem } from '../engine/scenario';
import type { LoggedAction } from '../engine/types';
import { membershipScenarioText } from '../share/run-file';
import { pointOf } from '../run/membership-summary';
import { toLogged } from '../run/schedule';
import type { MembershipRunLink } from '../share/run-link';
import type { MembershipState } from '../store/membership-store';
import type { LiveFrameSource } from '../view/live-frame-source';
import { membershipGraphSpec, membershipNodeFrame } from '../run/membership-view';
import type { FromWorker, MembershipFrame } from '../worker/protocol';
import { withNewRounds } from './frame-summary';
import { RunSession, catchUpRounds, type ExportKind, type RunSessionDeps } from './run-session';
import { i18next } from '../i18n';
import { textOf } from '../presets/preset-text';
import { MembershipSpaceTime } from './membership-space-time';
import { membershipTraceStore } from '../store/trace-store';

/** The mode's FrameSource: the renderer's NodeFrame, and the whole frame (tables, matrix) as its detail. */
export type MembershipFrameSource = LiveFrameSource<MembershipFrame>;

export interface MembershipSessionDeps extends RunSessionDeps<MembershipState> {
  frames: MembershipFrameSource;
}

/**
 * The membership model's session (RunSession plus what membership has): its frames become the
 * cluster's summary, the per-round history and the renderer's "who is wrong about whom"
 * colours; its form, presets that pause where their story ends, the side-by-side comparison,
 * the graph/matrix view. Time travel, the timeline and whole runs come from RunSession.
 */
export class MembershipSession extends RunSession<MembershipState, MembershipFrame, MembershipRunLink> {
  private compareRequest: number | null = null;

  /** The space-time diagram of this mode (built from the messages its frames carry). */
  readonly spaceTime: MembershipSpaceTime;

  constructor(protected override readonly deps: MembershipSessionDeps, traceStore = membershipTraceStore) {
    super(deps);
    this.spaceTime = new MembershipSpaceTime(traceStore, deps.frames);
  }

  protected restarted(): void {
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

  /** The comparison goes with the run it was made for. */
  protected open(config: MembershipConfig, patch: Partial<MembershipState>): void {
    this.set({ form: formFromConfig(config), comparison: null, ...patch });
    this.build(config);
  }

  protected builtConfig(): MembershipConfig | null {
    return this.state.applied;
  }

  protected linkOf(config: MembershipConfig, actions: LoggedAction[], round: number): MembershipRunLink {
    return { model: 'membership', config, actions, round };
  }

  /** A heartbeat round costs O(n²): about four million node pairs a request. */
  protected catchUpChunk(): number {
    return catchUpRounds(4_000_000, this.state.nodes * this.state.nodes, 500);
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
      else if (f.round === f.last && f.metrics) history = withNewRounds(s.history, [...f.between, f.metrics].map(pointOf));
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
    // Built as the form reads the preset (every setting spelled out), so the form and the run agree.
    this.openPreset({ ...preset, config: resolveMembershipForm(formFromConfig(preset.config)).config! }, {
      preset: textOf({ id: preset.id, pauseAt: preset.pauseAt }, preset), selected: preset.select,
    });
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

  protected fileProblems(config: MembershipConfig): ScenarioProblem[] {
    return config.nodes > PAGE_MAX_NODES ? [{ path: '$.config.nodes', message: PAGE_NODES_PROBLEM }] : [];
  }
}
