import { membershipConfigProblems, type MembershipConfig } from '../engine/membership';
import { runFileText, SCENARIO_FORMAT, SCENARIO_VERSION, SCENARIO_VERSION_COMPACT, validateActions, type FileText, validateScenario, type Scenario, type ScenarioProblem } from '../engine/scenario';
import type { LoggedAction } from '../engine/types';

/**
 * Scenario files of either model. A spreading run's file is the scenario format the command
 * line reads (no `model` field, or `model: 'spread'`); a membership run's adds
 * `model: 'membership'` and carries its membership configuration. Every problem comes with its
 * JSON path.
 */

export interface MembershipScenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  model: 'membership';
  name?: string;
  config: MembershipConfig;
  actions: LoggedAction[];
}

export type RunFile =
  | { ok: true; model: 'spread'; scenario: Scenario }
  | { ok: true; model: 'membership'; scenario: MembershipScenario }
  | { ok: false; problems: ScenarioProblem[] };

export function parseRunFile(text: string): RunFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problems: [{ path: '$', message: 'a scenario is a JSON object' }] };
  const { model, ...rest } = data as Record<string, unknown>;
  if (model === 'membership') return parseMembership(rest);
  if (model !== undefined && model !== 'spread') return { ok: false, problems: [{ path: '$.model', message: "'spread' or 'membership'" }] };
  const checked = validateScenario(rest);
  return checked.ok ? { ok: true, model: 'spread', scenario: checked.scenario } : checked;
}

/**
 * A membership run's configuration and timeline, checked (a file's or a link's): the membership
 * engine's rules for the configuration, the scenario schema and node ids for the timeline.
 * `configOk` tells a bad timeline (the settings can still be used) from bad settings.
 */
export function validateMembershipRun(config: unknown, actions: unknown):
  { ok: true; config: MembershipConfig; actions: LoggedAction[] } | { ok: false; configOk: boolean; problems: ScenarioProblem[] } {
  let problems: string[];
  try {
    problems = membershipConfigProblems(config as MembershipConfig);
  } catch {
    problems = ['config: not a membership configuration'];
  }
  if (problems.length > 0) {
    return { ok: false, configOk: false, problems: problems.map((p) => ({ path: `$.config.${p.slice(0, Math.max(0, p.indexOf(':')))}`.replace(/\.$/, ''), message: p.slice(p.indexOf(':') + 1).trim() })) };
  }
  const c = config as MembershipConfig;
  const checked = validateActions(actions, c.nodes);
  return checked.ok ? { ok: true, config: c, actions: checked.actions } : { ok: false, configOk: true, problems: checked.problems };
}

function parseMembership(data: Record<string, unknown>): RunFile {
  const problems: ScenarioProblem[] = [];
  if (data.format !== SCENARIO_FORMAT) problems.push({ path: '$.format', message: `must be "${SCENARIO_FORMAT}"` });
  if (data.version !== SCENARIO_VERSION && data.version !== SCENARIO_VERSION_COMPACT) problems.push({ path: '$.version', message: `must be ${SCENARIO_VERSION} or ${SCENARIO_VERSION_COMPACT}` });
  const run = validateMembershipRun(data.config, data.actions);
  if (!run.ok || problems.length > 0) return { ok: false, problems: [...problems, ...(run.ok ? [] : run.problems)] };
  const name = typeof data.name === 'string' ? data.name.slice(0, 200) : undefined;
  return { ok: true, model: 'membership', scenario: { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, model: 'membership', ...(name ? { name } : {}), config: run.config, actions: run.actions } };
}

/** A membership run as a scenario file, or why it cannot be one. */
export function membershipScenarioText(config: MembershipConfig, actions: readonly LoggedAction[], name?: string): FileText {
  const file: MembershipScenario = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, model: 'membership', ...(name ? { name } : {}), config: structuredClone(config), actions: structuredClone([...actions]) };
  return runFileText(file);
}
