import { formatNumber, formatPercent, i18next } from '../i18n';
import type { DelaySpec, LoggedAction, SimConfig } from '../engine/types';

/** The settings a compare label may name, in the order it names them. */
const FIELDS = ['protocol', 'fanout', 'loss', 'nodes', 'topology', 'degree', 'k', 'interest', 'antiEntropy', 'delay', 'crashRate', 'recoverRate', 'recoverEmpty', 'keys', 'origin', 'seed'] as const;
type Field = (typeof FIELDS)[number];

/** At most this many settings in one label: the legend stays one line per run. */
const MAX_NAMED = 3;

const delayText = (d: DelaySpec): string =>
  d.kind === 'fixed' ? String(d.rounds) : d.kind === 'uniform' ? `${d.min}–${d.max}` : `~${formatNumber(d.mean, 1)}`;

function valueText(field: Field, c: SimConfig): string {
  const v = c[field];
  switch (field) {
    case 'loss': case 'crashRate': case 'recoverRate': return formatPercent(c[field], 1);
    case 'delay': return delayText(c.delay);
    default: return typeof v === 'number' ? formatNumber(v) : String(v);
  }
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

export interface Labelled {
  config: SimConfig;
  actions: readonly LoggedAction[];
}

/**
 * Compare's names for runs: each names the settings that differ among the runs compared (the
 * kept ones and the current one) with its own values — "fanout 3", "loss 50%, seed 2" — so the
 * legend says what changed and nothing else. Runs alike in every setting but their timelines
 * say so; a run like all the others is "same settings". In `lng`, the page's language when not given.
 */
export function runLabels(runs: readonly Labelled[], lng?: string): string[] {
  const t = (key: 'same' | 'otherActions'): string => i18next.t(`compare.${key}`, { ns: 'charts', lng });
  const varying = FIELDS.filter((f) => runs.some((r) => !same(r.config[f], runs[0].config[f])));
  const timelines = runs.some((r) => !same(r.actions, runs[0].actions));
  return runs.map((r) => {
    const named = varying.slice(0, MAX_NAMED).map((f) => i18next.t(`compare.diff.${f}`, { ns: 'charts', lng, value: valueText(f, r.config) }));
    if (varying.length > MAX_NAMED) named.push('…');
    if (named.length === 0) return timelines ? t('otherActions') : t('same');
    return named.join(i18next.t('compare.join', { ns: 'charts', lng }));
  });
}
