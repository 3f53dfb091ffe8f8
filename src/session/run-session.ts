import { MAX_ACTIONS, MAX_ROUND } from '../engine/limits';
import { MAX_SCENARIO_BYTES, type FileText, type ScenarioProblem } from '../engine/scenario';
import type { Action, LoggedAction } from '../engine/types';
import { dropRecordedAfter, insertEntry, makeEntry, plannedAfter, toLogged, type ScheduleEntry } from '../run/schedule';
import { timelineRoundProblem } from '../run/timeline-draft';
import { parseRunFile } from '../share/run-file';
import type { AnyRunLink } from '../share/run-link';
import type { RunCoreSlice } from '../store/run-core-slice';
import type { WireFrame } from '../worker/protocol';
import { openingNotice, type Opening, type OpeningNotice } from './initial-run';
import { RunSessionCore, type ExportKind, type GraphApiLike, type ScenarioFileLike } from './run-session-core';
import { validSides } from './session-helpers';
import { formatNumber, i18next } from '../i18n';

export * from './run-session-core';

/**
 * What the user does to a run, the same in both modes, over the session core
 * (run-session-core.ts: building, pacing, the worker's messages, time travel): starting, whole
 * runs (links, the browser's memory, files, presets), actions on the cluster, the timeline, and
 * files in and out. A model's session (Session, MembershipSession) adds its form, presets and
 * how its frames are shown; `L` is its run as a link holds it.
 */
export abstract class RunSession<S extends RunCoreSlice & { preset: unknown }, F extends WireFrame, L extends AnyRunLink> extends RunSessionCore<S, F> {
  protected graphApi: GraphApiLike | null = null;
  /** The worker is up: a mode's page shown again (a mode switch) keeps its run. */
  private started = false;
  /** The run's export of `kind`, as text; null (with a notice saying why) when the readers would refuse it. */
  abstract exportText(kind: ExportKind): string | null;
  /** The start of an export's file name, saying what run it holds. */
  abstract exportBase(): string;
  /** Rebuilds the run from the form; `normalize` lets the form show the values used, where a model adjusts them. */
  abstract reset(normalize?: boolean): void;
  abstract select(node: number | null): void;
  /** The model this session runs (a scenario file of the other model is refused). */
  protected abstract readonly model: 'spread' | 'membership';
  /** What the page cannot run of a valid scenario file's configuration of this model (too large, …). */
  protected abstract fileProblems(config: L['config']): ScenarioProblem[];
  /** Shows `config` in the form and builds a run of it, with the fields of `patch` (timeline, preset). */
  protected abstract open(config: L['config'], patch: Partial<S>): void;
  /** The configuration the current run was built from (null before the first). */
  protected abstract builtConfig(): L['config'] | null;
  /** A run of this model as a link holds it. */
  protected abstract linkOf(config: L['config'], actions: LoggedAction[], round: number): L;
  /** A fresh worker replaced a failed one: rebuild the run from round 0, and say so. */
  protected abstract restarted(): void;

  // ── Whole runs ───────────────────────────────────────────────────────────────────────────

  /** Starts the worker and builds the run the form describes; later calls do nothing (the run survives a mode switch). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
    this.reset(false);
  }

  /** Starts with the run of a link or of the browser's memory, or else the form's run; later calls do nothing. */
  startWith(initial: Opening<L> | null): void {
    if (this.started) return;
    if (!initial) {
      this.start();
      return;
    }
    this.loadRun(initial.run, openingNotice(initial));
    if (initial.speed !== undefined) this.setSpeed(initial.speed);
  }

  override dispose(): void {
    super.dispose();
    this.started = false;
  }

  /** After a worker failure: a fresh worker, and the current run rebuilt from round 0. */
  restart(): void {
    this.client?.terminate();
    this.set({ workerError: null } as Partial<S>);
    this.connect();
    this.restarted();
  }

  /**
   * Opens a whole run (a link's, the browser's memory's, a file's, a lesson's): its settings in
   * the form, its actions as the planned timeline, rebuilt and run up to its round. `notice`
   * says where it came from or what could not be loaded.
   */
  loadRun(run: L, notice: OpeningNotice | null = null): void {
    this.started = true;
    if (!this.client) this.connect();
    this.endStory();
    this.open(run.config, { schedule: run.actions.map((e) => makeEntry(e.round, e.action)), preset: null } as Partial<S>);
    this.catchUpTo(run.round);
    if (notice?.sticky) this.state.pushNotice(notice.tone, notice.text);
    else if (notice) this.notify(notice.tone, notice.text);
  }

  /** The run as a link, the browser's memory or a scenario file holds it: settings, every action, the round shown; null while none is up. */
  currentRun(): L | null {
    const s = this.state;
    const config = this.builtConfig();
    if (!this.lastFrame || !config || (s.building && s.catchUpTo === null)) return null;
    return this.linkOf(config, toLogged(s.schedule), s.catchUpTo ?? s.round);
  }

  /** Opens a preset of the catalog (configuration and timeline, at its speed) and plays it; `patch` holds its caption. */
  protected openPreset(preset: { config: L['config']; schedule: readonly LoggedAction[]; speed: number }, patch: Partial<S>): void {
    this.endStory();
    this.setSpeed(preset.speed);
    this.open(preset.config, { schedule: preset.schedule.map((e) => makeEntry(e.round, e.action)), ...patch });
    this.playWhenBuilt = true;
  }

  // ── Actions on the cluster ───────────────────────────────────────────────────────────────

  /**
   * Sends an action; the worker refuses invalid ones with a message and changes nothing. At an
   * earlier round the run forks there, and the planned actions after it stay planned.
   */
  apply(action: Action, quiet = false): void {
    if (!this.client || !this.lastFrame) {
      if (!quiet) this.notify('error', i18next.t('notices:notReady'));
      return;
    }
    const id = ++this.requestId;
    this.pendingActions.set(id, action);
    const { round, lastRound, schedule } = this.state;
    if (round < lastRound) this.client.send({ type: 'apply', requestId: id, action, future: plannedAfter(schedule, round) });
    else this.client.send({ type: 'apply', requestId: id, action });
  }

  /** Crashes a live node or recovers a crashed one (the selected node by default). */
  toggleCrash(node: number | null = this.state.selected): void {
    const f = this.lastFrame;
    if (!f) return;
    if (node === null) {
      this.notify('info', i18next.t('notices:selectFirst'));
      return;
    }
    this.apply({ type: f.alive[node] ? 'crash' : 'recover', node });
  }

  /** Partitions the network into two sides (of a line the user drew, or halves). */
  partition(sides: [number[], number[]]): void {
    const problem = validSides(sides, this.nodes());
    if (problem) this.notify('error', problem);
    else this.apply({ type: 'partition', groups: [sides[0], sides[1]] });
  }

  /** A lasso was drawn: its nodes become a group cut off from all others. */
  isolate(nodes: readonly number[]): void {
    const n = this.nodes();
    if (nodes.length === 0) this.notify('info', i18next.t('notices:loopEmpty'));
    else if (nodes.length >= n) this.notify('info', i18next.t('notices:loopAll'));
    else this.apply({ type: 'isolate', nodes: [...nodes] });
  }

  heal(): void {
    if (!this.state.partitioned && this.lastFrame && !this.lastFrame.group.some((g) => g !== 0)) {
      this.notify('info', i18next.t('notices:nothingToHeal'));
      return;
    }
    this.apply({ type: 'heal' });
  }

  /** Esc: clears the selection. */
  escape(): void {
    if (this.state.selected !== null) this.select(null);
  }

  // ── Timeline ─────────────────────────────────────────────────────────────────────────────

  /** Adds an action at a round to the timeline; the engine runs it when the run gets there. */
  addToTimeline(round: number, action: Action): void {
    if (!Number.isInteger(round) || round < 0 || round > MAX_ROUND) {
      this.notify('error', timelineRoundProblem());
      return;
    }
    if (this.state.schedule.length >= MAX_ACTIONS) {
      this.notify('error', i18next.t('notices:timelineFull', { max: formatNumber(MAX_ACTIONS) }));
      return;
    }
    this.changeTimeline(insertEntry(this.state.schedule, makeEntry(round, action)), round);
    // An entry at the current round takes effect now, as a live action would.
    if (round === this.state.round) this.noteApplied(action, round);
  }

  removeFromTimeline(id: number): void {
    const entry = this.state.schedule.find((e) => e.id === id);
    if (entry) this.changeTimeline(this.state.schedule.filter((e) => e !== entry), entry.round);
  }

  /** Turns what was recorded live into scheduled entries, so Reset replays it. */
  keepRecorded(): void {
    this.set((s) => ({ schedule: s.schedule.map((e) => (e.recorded ? { ...e, recorded: false } : e)) }) as Partial<S>);
  }

  clearTimeline(): void {
    const first = this.state.schedule[0];
    if (first) this.changeTimeline([], first.round);
  }

  /**
   * A timeline change applies at once: the engine rebuilds the run with the new timeline and
   * replays it to the round shown. A change at a round still to come changes nothing already
   * drawn; one at a round already run replays the rounds since with it.
   */
  private changeTimeline(next: ScheduleEntry[], changedRound: number): void {
    const { round, lastRound } = this.state;
    // Seen from an earlier round, the engine replays up to it and the later rounds go, with
    // what was done live in them (as when acting in the past).
    this.set({ schedule: round < lastRound ? dropRecordedAfter(next, round) : next } as Partial<S>);
    if (changedRound < round) this.notify('info', i18next.t('notices:replayed', { round: changedRound }));
    this.sendSchedule();
  }

  // ── Files ───────────────────────────────────────────────────────────────────────────────

  /** A run file's text, or null with the reason as a notice. */
  protected fileOrNotice(file: FileText): string | null {
    if (file.ok) return file.text;
    this.notify('error', file.reason);
    return null;
  }

  setGraphApi(api: GraphApiLike | null): void {
    this.graphApi = api;
  }

  /** The graph as drawn, as a PNG; null before the renderer is up. */
  graphPng(): Promise<Blob> | null {
    return this.graphApi?.toPngBlob?.() ?? null;
  }

  /** Imports a scenario file; one over the size limit is refused before it is read. */
  async importScenarioFile(file: ScenarioFileLike): Promise<boolean> {
    const refuse = (message: string): false => {
      this.set({ importFailure: { fileName: file.name, problems: [{ path: '$', message }] } } as Partial<S>);
      return false;
    };
    if (file.size > MAX_SCENARIO_BYTES) {
      return refuse(`file too large (${file.size.toLocaleString('en-US')} bytes; a scenario is at most ${MAX_SCENARIO_BYTES.toLocaleString('en-US')})`);
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return refuse(`the file could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.importScenarioText(text, file.name);
  }

  /**
   * Imports a scenario file's text: a valid one of this mode's model replaces the run (round 0,
   * its actions planned); otherwise every problem is listed with its JSON path and nothing else
   * changes.
   */
  importScenarioText(text: string, fileName: string): boolean {
    const parsed = parseRunFile(text);
    const mode = (m: string) => (m === 'membership' ? 'Membership' : 'Dissemination');
    const problems = !parsed.ok
      ? parsed.problems
      : parsed.model !== this.model
        ? [{ path: '$.model', message: `a ${mode(parsed.model).toLowerCase()} scenario: open it in ${mode(parsed.model)} mode` }]
        : this.fileProblems(parsed.scenario.config as L['config']);
    if (!parsed.ok || problems.length > 0) {
      this.set({ importFailure: { fileName, problems } } as Partial<S>);
      return false;
    }
    const { scenario } = parsed;
    this.set({ importFailure: null } as Partial<S>);
    const n = scenario.actions.length;
    this.loadRun(this.linkOf(scenario.config as L['config'], scenario.actions, 0), {
      tone: 'info',
      text: `Imported ${scenario.name ? `"${scenario.name}"` : fileName}: ${scenario.config.nodes} nodes, ${n} action${n === 1 ? '' : 's'} on the timeline.`,
    });
    return true;
  }

  dismissImportFailure(): void {
    this.set({ importFailure: null } as Partial<S>);
  }
}
