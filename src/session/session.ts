import type { Scenario, ScenarioProblem } from '../engine/scenario';
import { metricsCsvText, metricsJsonText, scenarioText } from '../export/run-exports';
import { runFileBase } from '../export/file-names';
import type { MembershipScenario } from '../share/run-file';
import type { ExportKind } from './run-session';
import { DEFAULT_FORM, formFromConfig, resolveForm } from '../run/form';
import { PAGE_DEFAULT_CONFIG, pageProblems } from '../run/page-fit';
import { makeEntry, toLogged } from '../run/schedule';
import type { RunLink } from '../share/run-link';
import { openingNotice, type InitialRun } from './initial-run';
import { SpreadSession } from './spread-session';
import { i18next } from '../i18n';

export type { ClientLike } from './run-session';
export type { SplitApi } from './spread-session';
export { SPEED_LIMITS } from '../store/run-core-slice';

export type { ScenarioFileLike } from './run-session';

/**
 * The dissemination page's session: the spreading model's session (SpreadSession, over the
 * RunSession core both modes share) plus whole runs — opening a run from a link, the browser's
 * memory or a scenario file (rebuilt, then run up to its round in chunks), and going back to
 * the defaults.
 */
export class Session extends SpreadSession {
  // ── Whole runs ───────────────────────────────────────────────────────────────────────────

  /** Starts the worker with the run of a link or of the browser's memory; with none, the form's run. */
  startWith(initial: InitialRun | null): void {
    if (!initial) {
      this.start();
      return;
    }
    this.connect();
    this.loadRun(initial.run, openingNotice(initial));
    if (initial.speed !== undefined) this.setSpeed(initial.speed);
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
    this.catchUpTo(run.round);
    if (!notice) return;
    if (notice.sticky) this.state.pushNotice(notice.tone, notice.text);
    else this.notify(notice.tone, notice.text);
  }

  protected readonly model = 'spread';

  protected fileProblems(scenario: Scenario | MembershipScenario): ScenarioProblem[] {
    return pageProblems((scenario as Scenario).config);
  }

  protected openFile(scenario: Scenario | MembershipScenario, notice: { tone: 'info'; text: string }): void {
    const s = scenario as Scenario;
    this.loadRun({ config: s.config, actions: s.actions, round: 0 }, notice);
  }


  /** The default settings and an empty timeline, as on a first visit. */
  resetToDefaults(): void {
    this.endStory();
    this.set({ form: DEFAULT_FORM, schedule: [], preset: null, importFailure: null });
    this.build(PAGE_DEFAULT_CONFIG, PAGE_DEFAULT_CONFIG);
    this.notify('info', i18next.t('notices:defaults'));
  }

  exportText(kind: ExportKind): string | null {
    const s = this.state;
    return kind === 'scenario' ? this.fileOrNotice(scenarioText(s)) : kind === 'csv' ? metricsCsvText(s) : metricsJsonText(s);
  }

  exportBase(): string {
    return runFileBase(this.state.runConfig, this.state.round);
  }
}
