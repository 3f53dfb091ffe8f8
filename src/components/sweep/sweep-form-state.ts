import { PROTOCOLS, type ProtocolName } from '../../engine/types';
import type { SweepParam } from '../../lab/sweep-params';
import type { SweepRequest } from '../../lab/sweep-plan';

/** The sweep form as typed: text, so a half-typed number is not fought over. */
export interface SweepFormValues {
  param: SweepParam;
  from: string;
  to: string;
  steps: string;
  trials: string;
  protocols: readonly ProtocolName[];
}

/** A sensible range per parameter, set when the parameter changes, so a first Run shows something. */
const DEFAULT_RANGES: Record<SweepParam, { from: number; to: number; steps: number }> = {
  nodes: { from: 100, to: 100_000, steps: 4 },
  fanout: { from: 1, to: 4, steps: 4 },
  loss: { from: 0, to: 50, steps: 6 },
  k: { from: 1, to: 5, steps: 5 },
  antiEntropy: { from: 0, to: 20, steps: 5 },
  delay: { from: 1, to: 5, steps: 5 },
  crashRate: { from: 0, to: 5, steps: 6 },
  protocol: { from: 0, to: 3, steps: 4 },
};

export function formForParam(param: SweepParam, trials: string): SweepFormValues {
  const r = DEFAULT_RANGES[param];
  return { param, from: String(r.from), to: String(r.to), steps: String(r.steps), trials, protocols: PROTOCOLS };
}

export const INITIAL_SWEEP_FORM: SweepFormValues = formForParam('fanout', '50');

/** Empty text reads as NaN, so planSweep names the field rather than sweeping from 0. */
const number = (text: string): number => (text.trim() === '' ? NaN : Number(text));

export function requestOf(f: SweepFormValues, confirmed: boolean): SweepRequest {
  return { param: f.param, from: number(f.from), to: number(f.to), steps: number(f.steps), trials: number(f.trials), protocols: f.protocols, confirmed };
}
