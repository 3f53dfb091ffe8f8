import { DEFAULT_CONFIG, formatDelay } from '../engine/config';
import { CLI_BUDGET, costProblems } from '../engine/limits';
import { SCENARIO_FORMAT, SCENARIO_VERSION, validateScenario, type Scenario } from '../engine/scenario';
import type { DelaySpec, LoggedAction, SimConfig } from '../engine/types';
import { scopeProblem, SPEC_BY_FLAG } from './flags';
import { engineFields, type CliOptions } from './options';
import { spreadingNoEffect } from './no-effect';
import { problemLine } from './scenario-file';

/** What a spreading experiment runs: the configuration of trial 0 and the actions at their rounds. */
export interface SpreadingPlan {
  config: SimConfig;
  actions: readonly LoggedAction[];
  /** Present when the plan came from a scenario file. */
  scenario?: { file: string; name?: string };
}

/** The engine configuration the command line describes (settings without a flag keep the engine's defaults). */
export function configFromOptions(o: CliOptions): SimConfig {
  if (o.protocol === 'heartbeat' || o.protocol === 'swim') throw new Error(`--protocol ${o.protocol} is not a spreading protocol`);
  return { ...DEFAULT_CONFIG, ...engineFields(o), protocol: o.protocol, keys: 1, origin: 0 };
}

/** "--nodes 40", "--delay exp:2", "--recover-empty": a flag as the user gave it. */
function flagText(flag: string, o: CliOptions): string {
  const spec = SPEC_BY_FLAG.get(flag);
  if (!spec || spec.type === 'switch') return flag;
  const v = (o as unknown as Record<string, unknown>)[spec.key];
  return `${flag} ${typeof v === 'object' && v !== null && 'kind' in v ? formatDelay(v as DelaySpec) : String(v)}`;
}

export type PlanResult = { ok: true; plan: SpreadingPlan } | { ok: false; message: string };

/**
 * Combines a scenario with the command line: the scenario sets the configuration and the
 * actions, and every flag given explicitly overrides its configuration field. The result is
 * validated as a whole (a lower --nodes may orphan a scenario's node ids), and flags that do
 * not apply to the scenario's protocol are refused.
 */
export function planFromScenario(file: string, scenario: Scenario, o: CliOptions, explicit: ReadonlySet<string>): PlanResult {
  const fromFlags = configFromOptions(o);
  const config: Record<string, unknown> = { ...scenario.config };
  for (const flag of explicit) {
    const key = SPEC_BY_FLAG.get(flag)?.key;
    if (key !== undefined && key in fromFlags) config[key] = fromFlags[key as keyof SimConfig];
  }
  const merged = config as unknown as SimConfig;
  for (const flag of explicit) {
    const problem = scopeProblem(flag, merged.protocol);
    if (problem) return { ok: false, message: `${problem} (the protocol of --scenario ${file})` };
  }
  const checked = validateScenario({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, config: merged, actions: scenario.actions });
  if (!checked.ok) {
    const given = [...explicit].filter((f) => f !== '--scenario').map((f) => flagText(f, o));
    return { ok: false, message: `--scenario ${file}${given.length ? ` with ${given.join(' ')}` : ''}: ${problemLine(checked.problems)}` };
  }
  // The scenario is priced as the page prices it, against the command line's budget.
  const cost = costProblems(checked.scenario.config, CLI_BUDGET)[0];
  if (cost) return { ok: false, message: `--scenario ${file}: $.config.${cost.field}: ${cost.message}` };
  const noEffect = spreadingNoEffect(checked.scenario.config, explicit, o.format, checked.scenario.actions);
  if (noEffect) return { ok: false, message: `${noEffect} (with --scenario ${file})` };
  const last = scenario.actions.reduce((m, a) => Math.max(m, a.round), 0);
  if (last >= o.maxRounds) {
    return { ok: false, message: `--max-rounds ${o.maxRounds} ends every trial before the last action of --scenario ${file} (after round ${last})` };
  }
  return {
    ok: true,
    plan: {
      config: checked.scenario.config,
      actions: checked.scenario.actions,
      scenario: { file, ...(scenario.name !== undefined ? { name: scenario.name } : {}) },
    },
  };
}
