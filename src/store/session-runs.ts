import { MAX_SCENARIO_BYTES, parseScenario, type ScenarioProblem } from '../engine/scenario';
import type { RunLink } from '../share/run-link';
import { DEFAULT_FORM, formFromConfig, resolveForm } from './form';
import { linkNotice, type InitialRun } from './initial-run';
import { PAGE_DEFAULT_CONFIG, pageProblems } from './page-fit';
import { dropRecordedAfter, makeEntry, plannedAfter, toLogged } from './schedule';
import { SessionCore } from './session-core';

/** What importing needs of a File (so tests hand in a plain object). */
export interface ScenarioFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** Rounds per catch-up request: about two million node-rounds, so one request stays well under a second. */
function catchUpChunk(nodes: number): number {
  return Math.min(1000, Math.max(1, Math.floor(2_000_000 / Math.max(1, nodes))));
}

/**
 * Time travel and whole runs: looking back at an earlier round (one seek in flight at a time,
 * then the newest the slider asked for), stepping back, forking; opening a run from a link, the
 * browser's memory or a scenario file (rebuilt, then run up to its round in chunks), and going
 * back to the defaults. Session (session.ts) adds the controls' everyday actions.
 */
export class SessionRuns extends SessionCore {
  // ── Time travel ──────────────────────────────────────────────────────────────────────────

  /** Shows round `round` (0 … the newest) exactly as it was; pauses a playing run. */
  seekTo(round: number): void {
    const s = this.state;
    if (!this.client || !this.lastFrame || s.building || !Number.isFinite(round)) return;
    const target = Math.min(s.lastRound, Math.max(0, Math.round(round)));
    this.pause();
    this.set({ seekTarget: target });
    this.sendSeek();
  }

  /** One round back (←). */
  stepBack(): void {
    const from = this.state.seekTarget ?? this.state.round;
    if (from > 0) this.seekTo(from - 1);
  }

  /**
   * Continue from here: the rounds after the shown one are discarded, with what was done live
   * in them; the planned actions stay; the run plays on from the shown round.
   */
  continueFromHere(): void {
    const s = this.state;
    if (!this.client || !this.lastFrame || s.building || s.round >= s.lastRound) return;
    this.endStory();
    this.client.send({ type: 'fork', requestId: ++this.requestId, future: plannedAfter(s.schedule, s.round) });
    this.set({ schedule: dropRecordedAfter(s.schedule, s.round), seekTarget: null });
    this.notify('info', `Continuing from round ${s.round}: rounds ${s.round + 1} to ${s.lastRound} were discarded.`);
    this.play();
  }

  private sendSeek(): void {
    const target = this.state.seekTarget;
    if (target === null || this.seekRequest !== null || !this.client) return;
    if (target === this.state.round && !this.loop.stepping) {
      this.set({ seekTarget: null });
      return;
    }
    this.seekRequest = ++this.requestId;
    this.client.send({ type: 'seek', requestId: this.seekRequest, round: target });
  }

  protected override afterFrame(): void {
    const s = this.state;
    if (s.seekTarget !== null && this.seekRequest === null) this.sendSeek();
    const target = s.catchUpTo;
    if (target === null || this.catchUpRequest !== null || !this.client) return;
    if (s.round >= target) {
      this.set({ catchUpTo: null, building: false });
      return;
    }
    // Still building as far as the controls go: nothing may act on a half-rebuilt run.
    this.set({ building: true });
    this.catchUpRequest = ++this.requestId;
    this.client.send({ type: 'step', requestId: this.catchUpRequest, count: Math.min(target - s.round, catchUpChunk(s.runConfig.nodes)) });
  }

  protected override refused(requestId: number): void {
    if (requestId === this.seekRequest) {
      this.seekRequest = null;
      this.set({ seekTarget: null });
    }
    if (requestId === this.catchUpRequest) {
      this.catchUpRequest = null;
      this.set({ catchUpTo: null, building: false });
    }
  }

  // ── Whole runs ───────────────────────────────────────────────────────────────────────────

  /** Starts the worker with the run of a link or of the browser's memory; with none, the form's run. */
  startWith(initial: InitialRun | null): void {
    if (!initial) {
      this.start();
      return;
    }
    this.connect();
    const { run, source, problems } = initial;
    const at = run.round > 0 ? ` at round ${run.round}` : '';
    if (problems.length > 0) this.loadRun(run, { tone: 'error', text: linkNotice(problems), sticky: true });
    else if (source === 'link') this.loadRun(run, { tone: 'info', text: `Opened a shared run${at}: the same rounds, exactly.` });
    else this.loadRun(run, { tone: 'info', text: `Restored your last run${at}. Reset to defaults starts afresh.` });
  }

  /** The run as a link, the browser's memory or a scenario file holds it: settings, every action, the round shown. */
  currentRun(): RunLink | null {
    const s = this.state;
    if (!this.lastFrame || (s.building && s.catchUpTo === null)) return null;
    return { config: s.runConfig, actions: toLogged(s.schedule), round: s.catchUpTo ?? s.round };
  }

  /**
   * Opens a run: its settings in the form, its actions as the planned timeline, rebuilt and run
   * up to its round. `notice` says where it came from or what could not be loaded.
   */
  loadRun(run: RunLink, notice: { tone: 'info' | 'error'; text: string; sticky?: boolean } | null = null): void {
    this.endStory();
    const form = formFromConfig(run.config);
    this.set({ form, schedule: run.actions.map((e) => makeEntry(e.round, e.action)), preset: null });
    this.build(run.config, resolveForm(form, run.config).config);
    if (run.round > 0) this.set({ catchUpTo: run.round });
    if (!notice) return;
    if (notice.sticky) this.state.pushNotice(notice.tone, notice.text);
    else this.notify(notice.tone, notice.text);
  }

  /**
   * Imports a scenario file's text: a valid one replaces the run (round 0, its actions planned);
   * otherwise every problem is listed with its JSON path and nothing else changes.
   */
  importScenarioText(text: string, fileName: string): boolean {
    const parsed = parseScenario(text);
    const problems: ScenarioProblem[] = parsed.ok ? pageProblems(parsed.scenario.config) : parsed.problems;
    if (!parsed.ok || problems.length > 0) {
      this.set({ importFailure: { fileName, problems } });
      return false;
    }
    const { scenario } = parsed;
    this.set({ importFailure: null });
    const n = scenario.actions.length;
    this.loadRun({ config: scenario.config, actions: scenario.actions, round: 0 }, {
      tone: 'info',
      text: `Imported ${scenario.name ? `"${scenario.name}"` : fileName}: ${scenario.config.nodes} nodes, ${n} action${n === 1 ? '' : 's'} on the timeline.`,
    });
    return true;
  }

  /** Imports a scenario file; one over the size limit is refused before it is read. */
  async importScenarioFile(file: ScenarioFileLike): Promise<boolean> {
    if (file.size > MAX_SCENARIO_BYTES) {
      const message = `file too large (${file.size.toLocaleString('en-US')} bytes; a scenario is at most ${MAX_SCENARIO_BYTES.toLocaleString('en-US')})`;
      this.set({ importFailure: { fileName: file.name, problems: [{ path: '$', message }] } });
      return false;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.set({ importFailure: { fileName: file.name, problems: [{ path: '$', message: `the file could not be read: ${e instanceof Error ? e.message : String(e)}` }] } });
      return false;
    }
    return this.importScenarioText(text, file.name);
  }

  /** The graph as drawn, as a PNG; null before the renderer is up. */
  graphPng(): Promise<Blob> | null {
    return this.graphApi?.toPngBlob?.() ?? null;
  }

  /** A notice from the page itself: a link copied, a download that failed. */
  say(tone: 'info' | 'error', text: string): void {
    this.notify(tone, text);
  }

  dismissImportFailure(): void {
    this.set({ importFailure: null });
  }

  /** The default settings and an empty timeline, as on a first visit. */
  resetToDefaults(): void {
    this.endStory();
    this.set({ form: DEFAULT_FORM, schedule: [], preset: null, importFailure: null });
    this.build(PAGE_DEFAULT_CONFIG, PAGE_DEFAULT_CONFIG);
    this.notify('info', 'Back to the default settings; the remembered run is forgotten.');
  }
}
