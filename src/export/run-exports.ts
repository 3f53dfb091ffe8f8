import { runFileText, toScenario, type FileText } from '../engine/scenario';
import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';
import { metricsToCsv, metricsToJson } from './metrics-export';

/** What the exports read of the page's state. */
export interface ExportableRun {
  runConfig: SimConfig;
  /** The timeline: every planned and recorded action, in the order the run applies them. */
  schedule: readonly LoggedAction[];
  /** One entry per round run, round 0 first (the charts' history). */
  history: readonly RoundMetrics[];
}

const actionsOf = (run: ExportableRun): LoggedAction[] => run.schedule.map(({ round, action }) => ({ round, action: structuredClone(action) }));

/** The run as a scenario file (the format `npm run sim -- --scenario FILE` reads), or why it cannot be one. */
export function scenarioText(run: ExportableRun, name?: string): FileText {
  return runFileText(toScenario(run.runConfig, actionsOf(run), name));
}

/** Every round's metrics as CSV, one row per round. */
export function metricsCsvText(run: ExportableRun): string {
  return metricsToCsv(run.history, run.runConfig.keys);
}

/** The configuration, the actions and every round's metrics as JSON. */
export function metricsJsonText(run: ExportableRun): string {
  return metricsToJson(run.runConfig, actionsOf(run), run.history);
}
