import type { TFunction } from 'i18next';
import { formatNumber, i18next } from '../../i18n';
import { PROTOCOLS, type ProtocolName } from '../../engine/types';
import type { SweepParam } from '../../lab/sweep-params';
import type { SweepProblem } from '../../lab/sweep-plan';

/**
 * The sweep's words in the page's language. src/lab names parameters, units and refusals by id
 * (it stays free of i18n, and its English serves the CLI and the exports); this maps the ids to
 * the `sweep` namespace at the component edge.
 */
type SweepT = TFunction<'sweep'>;

const UNITS: Partial<Record<SweepParam, 'percent' | 'percentPerRound' | 'rounds'>> = {
  loss: 'percent', crashRate: 'percentPerRound', antiEntropy: 'rounds', delay: 'rounds',
};

export const paramName = (t: SweepT, param: SweepParam): string => t(`param.${param}`);

/** The parameter's unit as shown after a field's name or a range's bound ('' when it has none). */
export const paramUnit = (t: SweepT, param: SweepParam): string => {
  const unit = UNITS[param];
  return unit ? t(`unit.${unit}`) : '';
};

/** Protocol names live in the protocols namespace (the settings form's words), read through i18next at render time. */
export const protocolName = (p: ProtocolName): string => i18next.t(`protocols:names.${p}`);

/** A point's label ("push", "5%", "1000" from src/lab) as the page shows it: protocols by their name. */
export const pointLabel = (param: SweepParam, label: string): string =>
  (param === 'protocol' ? protocolName(label as ProtocolName) : label);

/** A refusal from planSweep, worded in the page's language with its numbers formatted for it. */
export function problemText(t: SweepT, problem: SweepProblem): string {
  const v = problem.values;
  const num = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n, 6));
  const unit = paramUnit(t, problem.param);
  const common = {
    param: paramName(t, problem.param),
    min: num(v.min), max: num(v.max), from: num(v.from), to: num(v.to),
    unit: unit === '' ? '' : unit.startsWith('%') ? unit : ` ${unit}`,
  };
  switch (problem.code) {
    case 'inert': return t('problem.inert', { ...common, protocol: v.protocol ? protocolName(v.protocol) : '' });
    case 'invalidConfig': return t('problem.invalidConfig', { ...common, value: v.value === undefined ? '' : pointValue(problem.param, v.value), detail: v.detail ?? '' });
    case 'tooBig': return t('problem.tooBig', { nodeRounds: (v.nodeRounds ?? 0).toExponential(1) });
    default: return t(`problem.${problem.code}`, common);
  }
}

/** A raw sweep value as shown in a message (protocols by index, as src/lab sweeps them). */
function pointValue(param: SweepParam, value: number): string {
  if (param === 'protocol') return protocolName(PROTOCOLS[value]);
  return `${formatNumber(value, 6)}${UNITS[param]?.startsWith('percent') ? '%' : ''}`;
}
