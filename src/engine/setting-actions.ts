import { delayProblem } from './config';
import type { DelaySpec, SimConfig } from './types';

/** The settings a run can change between rounds; the Simulation's live copy of its configuration holds them. */
export type RunSettings = Pick<SimConfig, 'fanout' | 'delay' | 'k'>;

/** The part of a run the setting actions are checked against. */
export type SettingsTarget = RunSettings & Pick<SimConfig, 'nodes' | 'protocol'>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Validates first and throws a message fit for the user, so a refused change leaves the run as it was. */
export function setFanout(target: SettingsTarget, fanout: unknown): void {
  const max = Math.max(1, target.nodes - 1);
  if (!isInt(fanout) || fanout < 1 || fanout > max) throw new Error(`fanout must be an integer from 1 to ${max} (nodes − 1), got ${String(fanout)}`);
  target.fanout = fanout;
}

export function setDelay(target: SettingsTarget, delay: unknown): void {
  const problem = delayProblem(delay as DelaySpec);
  if (problem) throw new Error(`delay: ${problem}`);
  // A copy: the action object stays the caller's (it is logged and may be edited afterwards).
  target.delay = structuredClone(delay as DelaySpec);
}

export function setRumorK(target: SettingsTarget, k: unknown): void {
  // k is rumor mongering's only; on another protocol it would be logged yet change nothing.
  if (target.protocol !== 'rumor') throw new Error(`rumor k applies to rumor mongering only (this run uses ${target.protocol})`);
  if (!isInt(k) || k < 1 || k > 100) throw new Error(`rumor k must be an integer from 1 to 100, got ${String(k)}`);
  target.k = k;
}

/** A copy of the settings, for snapshots. */
export function copySettings(s: RunSettings): RunSettings {
  return { fanout: s.fanout, delay: structuredClone(s.delay), k: s.k };
}
