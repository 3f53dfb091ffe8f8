import { copySettings } from '../engine/setting-actions';
import { DENSITY_THRESHOLD } from '../engine/limits';
import { Rng } from '../engine/prng';
import type { ScenarioProblem } from '../engine/scenario';
import type { Action, LoggedAction, SimConfig } from '../engine/types';
import { metricsCsvText, metricsJsonText, scenarioText } from '../export/run-exports';
import { runFileBase } from '../export/file-names';
import { presetById } from '../presets/catalog';
import { PARTITION_HEALING_CONFIG, PARTITION_HEALING_SPEED } from '../presets/partition-healing';
import { PartitionHealingStory } from '../presets/story';
import { DEFAULT_FORM, formFromConfig, needsRebuild, resolveForm, type FormValues } from '../run/form';
import { clusterChanged, settingAction, settingNotice } from '../run/live-settings';
import { PAGE_DEFAULT_CONFIG, pageProblems } from '../run/page-fit';
import type { RunLink } from '../share/run-link';
import type { HealOutcome } from '../store/run-slice';
import type { GossipState } from '../store/store';
import { MESSAGE_RECORD_LIMIT, type FromWorker, type SpreadFrame } from '../worker/protocol';
import { groupsByLayout, linkActions, linkLossActions, linkProblem, splitProblem, type LinkMode } from './cluster-actions';
import { reactToStep } from './frame-reaction';
import { selectedInfoOf, summarizeFrame, toNodeFrame } from './frame-summary';
import { RunSession, catchUpRounds, type ExportKind } from './run-session';
import { TimerSet, chooseHalves, pickLiveNode } from './session-helpers';
import { i18next } from '../i18n';
import { textOf } from '../presets/preset-text';
import { TraceController } from './trace-controller';
import { spreadTraceStore } from '../store/trace-store';

/**
 * The dissemination page's session: the spreading model over the RunSession core both modes
 * share. Its frames become the store's history, writes and heal outcome and the renderer's
 * version colours; the form and its silent rebuilds; presets and the scripted
 * partition-healing story; writes, the split and lasso tools, links between groups.
 */
export class Session extends RunSession<GossipState, SpreadFrame, RunLink> {
  protected readonly storyTimers: TimerSet;
  protected uiRng = new Rng(1);
  protected story: PartitionHealingStory | null = null;

  /** Who told whom: the path, the spread tree, the space-time diagram and hand-played rounds. */
  readonly trace: TraceController;

  constructor(deps: ConstructorParameters<typeof RunSession<GossipState, SpreadFrame, RunLink>>[0], traceStore = spreadTraceStore) {
    super(deps);
    this.storyTimers = new TimerSet(this.setTimer, this.clearTimer);
    this.trace = new TraceController({
      store: traceStore,
      frames: deps.frames,
      send: (msg) => this.client?.send(msg),
      apply: (action) => this.apply(action),
      step: () => this.step(),
      notify: (tone, text) => this.notify(tone, text),
      shownKey: () => this.state.shownKey,
    });
  }

  /** Lesson steps: rounds 1…`rounds` are played by hand (each informed node's targets clicked), then the engine takes over; null turns it off. */
  setHandPlay(rounds: number | null): void {
    if (rounds && this.state.status === 'playing') this.pause();
    this.trace.setHandPlay(rounds);
  }

  protected readonly model = 'spread';

  protected restarted(): void {
    this.build(this.state.runConfig, this.state.appliedForm);
    this.state.pushNotice('info', i18next.t('notices:restarted'));
  }

  // ── Building runs ────────────────────────────────────────────────────────────────────────

  protected build(runConfig: SimConfig, formConfig: SimConfig): void {
    this.uiRng = new Rng((runConfig.seed ^ 0x2545f491) >>> 0);
    this.state.markApplied(formConfig, runConfig);
    this.trace.protocol = runConfig.protocol;
    this.trace.onBuild(runConfig.nodes);
    this.launch(
      // The density view (past DENSITY_THRESHOLD) has no per-node counters and no who-told-whom arrays:
      // at 10^6 nodes they would cost rounds per second and checkpoint memory the view does not use.
      { type: 'init', model: 'spread', config: runConfig, options: { recordMessages: runConfig.nodes <= MESSAGE_RECORD_LIMIT, trackNodeStats: runConfig.nodes <= DENSITY_THRESHOLD, traceSpread: runConfig.nodes <= DENSITY_THRESHOLD } },
      {
        graph: null, pastMetrics: null, history: [], latest: [], latestSince: [], partition: null, convergedAt: null,
        selected: null, selectedInfo: null, mode: 'select', loss: runConfig.loss, links: null, writes: [], spread: [],
        rumorEnded: false, rumorEndedAt: null, heal: null, settings: copySettings(runConfig),
      },
    );
    this.deps.frames.setSelected(null);
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

  /** About two million node-rounds a request. */
  protected catchUpChunk(): number {
    return catchUpRounds(2_000_000, this.state.runConfig.nodes, 1000);
  }

  protected open(config: SimConfig, patch: Partial<GossipState>): void {
    const form = formFromConfig(config);
    this.set({ form, ...patch });
    this.build(config, resolveForm(form, config).config);
  }

  protected builtConfig(): SimConfig {
    return this.state.runConfig;
  }

  protected linkOf(config: SimConfig, actions: LoggedAction[], round: number): RunLink {
    return { config, actions, round };
  }

  protected fileProblems(config: SimConfig): ScenarioProblem[] {
    return pageProblems(config);
  }

  /** The default settings and an empty timeline, as on a first visit. */
  resetToDefaults(): void {
    this.endStory();
    this.set({ form: DEFAULT_FORM, schedule: [], preset: null, importFailure: null });
    this.build(PAGE_DEFAULT_CONFIG, PAGE_DEFAULT_CONFIG);
    this.notify('info', i18next.t('notices:defaults'));
  }

  protected onReady(msg: Extract<FromWorker, { type: 'ready' }>): void {
    const g = msg.graph;
    this.deps.frames.setGraph({ id: g.graphId, nodes: g.nodes, topology: g.topology, offsets: g.offsets, neighbors: g.neighbors });
    this.set({ graph: { graphId: g.graphId, nodes: g.nodes, topology: g.topology, edges: g.edges, components: g.components, largestComponent: g.largestComponent } });
    // A new worker (a restart) knows nothing of what the trace views asked for: tell it again.
    if (this.trace.watching) this.client?.send(this.trace.watch(this.state.selected));
  }

  protected show(f: SpreadFrame): void {
    this.deps.frames.setFrame(toNodeFrame(f, this.state.shownKey));
    this.set((s) => summarizeFrame(s, f));
    this.trace.onFrame(f, this.state.selected);
    // A story follows the run as it is made, not a look back at it.
    if (f.cause !== 'init' && f.round === f.last) this.story?.onFrame(this.deps.frames.frame()!);
  }

  protected override onBuilt(): boolean {
    this.story?.begin();
    this.story?.onFrame(this.deps.frames.frame()!);
    return false;
  }

  protected override onPlayedRound(prev: SpreadFrame | null, f: SpreadFrame): void {
    const reaction = reactToStep(prev, f, this.state.runConfig, this.state.schedule, this.state.shownKey);
    if (reaction.pause) this.pause();
    for (const text of reaction.notices) this.notify('info', text);
  }

  /** Follows a heal (how many lacked the newest version, when all had it) and tells the story. */
  protected override onApplied(action: Action, round: number): void {
    const notice = settingNotice(action, round);
    if (notice) this.notify('info', notice);
    if (action.type === 'heal' && this.state.partition !== null) {
      const heal: HealOutcome = { round, key: this.state.shownKey, version: 0, missing: null, live: 0, missingNow: 0, repairedAt: null };
      this.set({ heal });
    }
    this.story?.onAction(action);
  }

  protected override endStory(): void {
    this.storyTimers.clear();
    this.story = null;
    if (this.state.story) this.set({ story: null });
  }

  // ── Presets ──────────────────────────────────────────────────────────────────────────────

  loadPartitionHealing(): void {
    this.endStory();
    this.setSpeed(PARTITION_HEALING_SPEED);
    this.open(PARTITION_HEALING_CONFIG, { schedule: [], preset: null });
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

  /** Closes the preset's caption; the run and its timeline stay as they are. */
  leavePreset(): void {
    this.set({ preset: null });
  }

  /** Loads a preset of the catalog (configuration and timeline) and plays it. */
  loadPreset(id: string): void {
    const preset = presetById(id);
    if (!preset) {
      this.notify('error', i18next.t('notices:noPreset', { id }));
      return;
    }
    this.openPreset(preset, { preset: textOf({ id: preset.id, config: preset.config }, preset) });
  }

  // ── Form ─────────────────────────────────────────────────────────────────────────────────

  /**
   * A form change: cluster-shaping settings rebuild the run at round 0; loss, fanout, delay and
   * rumor k change a run under way from the next round, as actions on its timeline. A run still
   * at round 0 with nothing done is simply rebuilt with the new settings.
   */
  setFormValue<K extends keyof FormValues>(field: K, value: FormValues[K]): void {
    this.state.setFormValue(field, value);
    const { config, notes } = resolveForm(this.state.form, this.state.appliedForm);
    if (field === 'loss' && notes.loss?.tone !== 'adjusted' && config.loss !== this.state.loss && this.lastFrame) {
      this.apply({ type: 'setLoss', p: config.loss }, true);
    }
    const s = this.state;
    const untouched = s.lastRound === 0 && s.actions === 0 && !s.schedule.some((e) => e.recorded);
    if (untouched ? needsRebuild(config, s.appliedForm) : clusterChanged(config, s.appliedForm)) {
      this.followForm(() => this.reset(false));
      return;
    }
    this.cancelFollowForm();
    const action = untouched || !this.lastFrame ? null : settingAction(field, config, s.settings, notes);
    if (action) this.apply(action, true);
  }

  // ── Actions on the cluster ───────────────────────────────────────────────────────────────

  /** Writes a new version at the selected node, or at a live node the run's own PRNG picks. */
  writeUpdate(): void {
    const f = this.lastFrame;
    if (!f) return;
    const node = this.state.selected ?? pickLiveNode(f.alive, this.uiRng);
    if (node === null) this.notify('error', i18next.t('notices:allCrashed'));
    else this.apply({ type: 'write', node, key: this.state.shownKey });
  }

  select(node: number | null): void {
    // A hand-played round: a click on the graph picks the current sender's target.
    if (node !== null && this.trace.picking) {
      this.trace.handPick(node);
      return;
    }
    const n = node !== null && this.lastFrame && (node < 0 || node >= this.lastFrame.alive.length) ? null : node;
    this.set({ selected: n, selectedInfo: this.lastFrame ? selectedInfoOf(this.lastFrame, n, this.state.shownKey) : null });
    this.deps.frames.setSelected(n);
    if (this.lastFrame) this.client?.send(this.trace.watch(n));
  }

  toggleSplitMode(): void {
    this.set((s) => ({ mode: s.mode === 'split' ? 'select' : 'split' }));
  }

  toggleLassoMode(): void {
    this.set((s) => ({ mode: s.mode === 'lasso' ? 'select' : 'lasso' }));
  }

  /** Esc: leave split or lasso mode, or else clear the selection. */
  override escape(): void {
    if (this.state.mode !== 'select') this.set({ mode: 'select' });
    else super.escape();
  }

  override partition(sides: [number[], number[]]): void {
    this.set({ mode: 'select' });
    super.partition(sides);
  }

  override isolate(nodes: readonly number[]): void {
    this.set({ mode: 'select' });
    super.isolate(nodes);
  }

  override heal(): void {
    this.apply({ type: 'heal' });
  }

  splitInHalves(): void {
    this.partition(this.halves().sides);
  }

  private halves(): { sides: [number[], number[]]; byLayout: boolean } {
    return chooseHalves(this.graphApi, this.nodes());
  }

  /** k groups by the drawing (pie slices), each cut off from the others. */
  splitInto(k: number): void {
    const groups = this.groupsInto(k);
    if (typeof groups === 'string') this.notify('error', groups);
    else this.apply({ type: 'partition', groups });
  }

  /** The groups a split into k would make now, or why it can't. */
  groupsInto(k: number): number[][] | string {
    const nodes = this.nodes();
    return splitProblem(k, nodes) ?? groupsByLayout(this.graphApi, this.deps.frames.graph(), nodes, k);
  }

  /** Blocks A → B only (a one-way cut), both ways, or opens both. */
  setLinks(a: number, b: number, mode: LinkMode): void {
    const problem = linkProblem(a, b, this.state.partition);
    if (problem) this.notify('error', problem);
    else for (const action of linkActions(a, b, mode, this.state.links)) this.apply(action);
  }

  /** Extra loss on both directions between A and B (percent). */
  setLinkLoss(a: number, b: number, percent: number): void {
    const problem = linkProblem(a, b, this.state.partition)
      ?? (Number.isFinite(percent) && percent >= 0 && percent <= 100 ? null : i18next.t('notices:linkLossRange'));
    if (problem) this.notify('error', problem);
    else for (const action of linkLossActions(a, b, percent / 100, this.state.links)) this.apply(action, true);
  }

  // ── Files ───────────────────────────────────────────────────────────────────────────────

  exportText(kind: ExportKind): string | null {
    const s = this.state;
    return kind === 'scenario' ? this.fileOrNotice(scenarioText(s)) : kind === 'csv' ? metricsCsvText(s) : metricsJsonText(s);
  }

  exportBase(): string {
    return runFileBase(this.state.runConfig, this.state.round);
  }
}
