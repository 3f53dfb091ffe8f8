import type { RunSettings } from '../engine/setting-actions';
import type { Action, SimConfig } from '../engine/types';
import { i18next } from '../i18n';
import { needsRebuild, sameDelay, type FieldNote, type FormValues, type NumberField } from './form';

/**
 * Which form changes a running run takes as actions. Fanout, delay and rumor k can change
 * between rounds (the engine's setting actions, recorded on the timeline so time travel, forks
 * and links replay them); everything else shapes the cluster and needs a new run.
 */

/** Does the form ask for another cluster (a new run at round 0), the settings that change live aside? */
export function clusterChanged(a: SimConfig, b: SimConfig): boolean {
  return needsRebuild({ ...a, fanout: b.fanout, delay: b.delay, k: b.k }, b);
}

const DELAY_FIELDS: readonly (keyof FormValues)[] = ['delayKind', 'delayRounds', 'delayMin', 'delayMax', 'delayMean'];

/**
 * The setting action a change of the form's `field` asks of a run under way, or null. Only the
 * field changed counts: the form may show another value than the round shown has (after a step
 * back, or a link whose run changed it), and touching one field must not reset the others. A
 * field the form had to adjust (out of range, half typed) is left alone: its value is a
 * fallback, not a request.
 */
export function settingAction(
  field: keyof FormValues, config: SimConfig, current: RunSettings, notes: Partial<Record<NumberField, FieldNote>>,
): Action | null {
  const adjusted = (f: keyof FormValues) => notes[f as NumberField]?.tone === 'adjusted';
  if (field === 'fanout') return config.fanout !== current.fanout && !adjusted('fanout') ? { type: 'setFanout', fanout: config.fanout } : null;
  if (DELAY_FIELDS.includes(field)) return !sameDelay(config.delay, current.delay) && !DELAY_FIELDS.some(adjusted) ? { type: 'setDelay', delay: config.delay } : null;
  if (field === 'k' && config.protocol === 'rumor') return config.k !== current.k && !adjusted('k') ? { type: 'setRumorK', k: config.k } : null;
  return null;
}

/** The notice for a setting that took effect: "Fanout 3 from round 7". */
export function settingNotice(action: Action, round: number): string | null {
  const from = round + 1;
  switch (action.type) {
    case 'setFanout': return i18next.t('controls:live.fanout', { fanout: action.fanout, round: from });
    case 'setDelay': return i18next.t('controls:live.delay', { delay: describeDelayShort(action.delay), round: from });
    case 'setRumorK': return i18next.t('controls:live.rumorK', { k: action.k, round: from });
    default: return null;
  }
}

function describeDelayShort(d: RunSettings['delay']): string {
  if (d.kind === 'fixed') return i18next.t('controls:live.rounds', { count: d.rounds });
  if (d.kind === 'uniform') return i18next.t('controls:live.uniform', { min: d.min, max: d.max });
  return i18next.t('controls:live.exp', { mean: d.mean });
}
