import type { Action } from '../engine/types';
import { presetById } from '../presets/catalog';
import { PARTITION_HEALING_CONFIG, PARTITION_HEALING_SPEED } from '../presets/partition-healing';
import { PartitionHealingStory } from '../presets/story';
import {
  groupsByLayout, linkActions, linkLossActions, linkProblem, splitProblem, type LinkMode,
} from './cluster-actions';
import { formFromConfig, needsRebuild, resolveForm, type FormValues } from './form';
import { selectedInfoOf } from './frame-summary';
import { dropRecordedAfter, insertEntry, makeEntry, toLogged, type ScheduleEntry } from './schedule';
import type { SplitApi } from './session-core';
import { SessionRuns } from './session-runs';
import { chooseHalves, pickLiveNode, validSides } from './session-helpers';

export { SPEED_LIMITS, type ClientLike, type SessionDeps, type SplitApi } from './session-core';

/** A form change rebuilds a fresh run by itself after this quiet time. */
const AUTO_APPLY_MS = 400;

/**
 * The conductor between the page and the engine worker: SessionCore runs the engine,
 * SessionRuns adds time travel and whole runs (links, files, memory); this class is what the controls call — settings, presets, actions on the cluster, the partition
 * tools and the timeline. Nothing here touches the DOM.
 */
export class Session extends SessionRuns {
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
    this.set({ form, schedule: [], preset: null });
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

  /** Loads a preset of the catalog (configuration and timeline) and plays it. */
  loadPreset(id: string): void {
    const preset = presetById(id);
    if (!preset) {
      this.notify('error', `No preset called "${id}".`);
      return;
    }
    this.endStory();
    const form = formFromConfig(preset.config);
    this.set({ form, schedule: preset.schedule.map((e) => makeEntry(e.round, e.action)), preset: { id: preset.id, title: preset.title, caption: preset.caption, config: preset.config } });
    this.setSpeed(preset.speed);
    this.build(preset.config, resolveForm(form, preset.config).config);
    this.playWhenBuilt = true;
  }

  // ── Form ─────────────────────────────────────────────────────────────────────────────────

  setFormValue<K extends keyof FormValues>(field: K, value: FormValues[K]): void {
    this.state.setFormValue(field, value);
    if (this.state.building) this.formChangedWhileBuilding = true;
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
    this.set({ selected: n, selectedInfo: this.lastFrame ? selectedInfoOf(this.lastFrame, n, this.state.shownKey) : null });
    this.deps.frames.setSelected(n);
    if (this.lastFrame) this.client?.send({ type: 'watch', node: n });
  }

  setGraphApi(api: SplitApi | null): void {
    this.graphApi = api;
  }

  toggleSplitMode(): void {
    this.set((s) => ({ mode: s.mode === 'split' ? 'select' : 'split' }));
  }

  toggleLassoMode(): void {
    this.set((s) => ({ mode: s.mode === 'lasso' ? 'select' : 'lasso' }));
  }

  /** Esc: leave split or lasso mode, or else clear the selection. */
  escape(): void {
    if (this.state.mode !== 'select') this.set({ mode: 'select' });
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

  /** A lasso was drawn: its nodes become a group cut off from all others. */
  isolate(nodes: readonly number[]): void {
    this.set({ mode: 'select' });
    const n = this.lastFrame?.alive.length ?? 0;
    if (nodes.length === 0) this.notify('info', 'The loop held no nodes: draw it around the nodes to cut off.');
    else if (nodes.length >= n) this.notify('info', 'The loop held every node: leave some outside it.');
    else this.apply({ type: 'isolate', nodes: [...nodes] });
  }

  /** k groups by the drawing (pie slices), each cut off from the others. */
  splitInto(k: number): void {
    const groups = this.groupsInto(k);
    if (typeof groups === 'string') this.notify('error', groups);
    else this.apply({ type: 'partition', groups });
  }

  /** The groups a split into k would make now, or why it can't. */
  groupsInto(k: number): number[][] | string {
    const nodes = this.lastFrame?.alive.length ?? 0;
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
      ?? (Number.isFinite(percent) && percent >= 0 && percent <= 100 ? null : 'Link loss goes from 0 to 100 %.');
    if (problem) this.notify('error', problem);
    else for (const action of linkLossActions(a, b, percent / 100, this.state.links)) this.apply(action, true);
  }

  // ── Timeline ─────────────────────────────────────────────────────────────────────────────

  /** Adds an action at a round to the timeline; the engine runs it when the run gets there. */
  addToTimeline(round: number, action: Action): void {
    if (!Number.isInteger(round) || round < 0) {
      this.notify('error', 'A timeline round is a whole number from 0 up.');
      return;
    }
    this.changeTimeline(insertEntry(this.state.schedule, makeEntry(round, action)), round);
    // An entry at the current round takes effect now, as a live action would.
    if (round === this.state.round && !this.state.scheduleDirty) this.noteApplied(action, round);
  }

  removeFromTimeline(id: number): void {
    const entry = this.state.schedule.find((e) => e.id === id);
    if (entry) this.changeTimeline(this.state.schedule.filter((e) => e !== entry), entry.round);
  }

  /** Turns what was recorded live into scheduled entries, so Reset replays it. */
  keepRecorded(): void {
    this.set((s) => ({ schedule: s.schedule.map((e) => (e.recorded ? { ...e, recorded: false } : e)) }));
  }

  clearTimeline(): void {
    const first = this.state.schedule[0];
    if (first) this.changeTimeline([], first.round);
  }

  /**
   * A change at a round still to come is run at once (the engine rebuilds the run with the new
   * timeline and replays it to the current round, which changes nothing already drawn); a
   * change to a round already run waits for Reset.
   */
  private changeTimeline(next: ScheduleEntry[], changedRound: number): void {
    const { round, lastRound } = this.state;
    // Seen from an earlier round, the engine replays up to it and the later rounds go, with
    // what was done live in them (as when acting in the past).
    this.set({ schedule: round < lastRound ? dropRecordedAfter(next, round) : next });
    if (changedRound < round) {
      this.set({ scheduleDirty: true });
      this.notify('info', `Round ${changedRound} has already run: the timeline runs from round 0 after Reset (R).`);
      return;
    }
    this.sendSchedule();
  }

  /** Gives the engine the current timeline (once the run being built is up). */
  protected sendSchedule(): void {
    if (!this.client) return;
    if (!this.lastFrame || this.state.building) {
      this.scheduleWhenBuilt = true;
      return;
    }
    this.client.send({ type: 'schedule', requestId: ++this.requestId, schedule: toLogged(this.state.schedule), round: this.state.round });
  }

}
