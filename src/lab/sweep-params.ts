import { formatDelay, MAX_DELAY } from '../engine/config';
import { PROTOCOLS, type ProtocolName, type SimConfig } from '../engine/types';

/** The parameters a sweep can vary. */
export const SWEEP_PARAMS = ['nodes', 'fanout', 'loss', 'k', 'antiEntropy', 'delay', 'crashRate', 'protocol'] as const;
export type SweepParam = (typeof SWEEP_PARAMS)[number];

/** How one parameter is swept: its bounds, its scale and how a value enters the configuration and the CLI. */
export interface ParamSpec {
  label: string;
  /** The CLI flag that sets it. */
  flag: string;
  /** 'log': values spaced evenly in log10 (nodes grow by factors); 'categories': protocols, no range. */
  scale: 'linear' | 'log' | 'categories';
  /** Bounds of the range as the user types it (loss and crash rate in percent). */
  min: number;
  max: number;
  integer: boolean;
  /** Shown after a value in the table and on the axis. */
  unit: string;
  /** The configuration with this value (as typed: percent for loss and crash rate). */
  apply(c: SimConfig, value: number): SimConfig;
  /** The flag's argument for this value, exactly as the CLI reads it. */
  cliValue(value: number): string;
  /** Why the parameter does nothing over this base configuration, or null. */
  inert?(c: SimConfig): string | null;
}

/** Percent as typed → probability, rounded so that 5 % is 0.05 and not 0.05000000000000001. */
const fromPercent = (p: number): number => Math.round(p * 1e6) / 1e8;

export const PARAM_SPECS: Record<SweepParam, ParamSpec> = {
  nodes: {
    label: 'Nodes', flag: '--nodes', scale: 'log', min: 10, max: 1_000_000, integer: true, unit: '',
    apply: (c, v) => ({ ...c, nodes: v }),
    cliValue: String,
  },
  fanout: {
    label: 'Fanout', flag: '--fanout', scale: 'linear', min: 1, max: 100, integer: true, unit: '',
    apply: (c, v) => ({ ...c, fanout: v }),
    cliValue: String,
  },
  loss: {
    label: 'Packet loss', flag: '--loss', scale: 'linear', min: 0, max: 99, integer: false, unit: '%',
    apply: (c, v) => ({ ...c, loss: fromPercent(v) }),
    cliValue: (v) => String(fromPercent(v)),
  },
  k: {
    label: 'Rumor k', flag: '--k', scale: 'linear', min: 1, max: 100, integer: true, unit: '',
    apply: (c, v) => ({ ...c, k: v }),
    cliValue: String,
    inert: (c) => (c.protocol === 'rumor' ? null : `Rumor k applies to rumor mongering only; the protocol is ${c.protocol}. Pick rumor in Settings first.`),
  },
  antiEntropy: {
    label: 'Anti-entropy period', flag: '--anti-entropy', scale: 'linear', min: 0, max: 1000, integer: true, unit: ' rounds',
    apply: (c, v) => ({ ...c, antiEntropy: v }),
    cliValue: String,
  },
  delay: {
    label: 'Delay (fixed)', flag: '--delay', scale: 'linear', min: 1, max: Math.min(MAX_DELAY, 100), integer: true, unit: ' rounds',
    apply: (c, v) => ({ ...c, delay: { kind: 'fixed', rounds: v } }),
    cliValue: (v) => formatDelay({ kind: 'fixed', rounds: v }),
  },
  crashRate: {
    label: 'Crash rate', flag: '--crash-rate', scale: 'linear', min: 0, max: 50, integer: false, unit: '% per round',
    apply: (c, v) => ({ ...c, crashRate: fromPercent(v) }),
    cliValue: (v) => String(fromPercent(v)),
  },
  protocol: {
    label: 'Protocol', flag: '--protocol', scale: 'categories', min: 0, max: PROTOCOLS.length - 1, integer: true, unit: '',
    apply: (c, v) => ({ ...c, protocol: PROTOCOLS[v] }),
    cliValue: (v) => PROTOCOLS[v],
  },
};

/** A protocol's index as a sweep value (protocols are swept as categories 0…3). */
export const protocolIndex = (p: ProtocolName): number => PROTOCOLS.indexOf(p);

/** How a value reads in the table, the chart and the CSV ("push", "5%", "1000"). */
export function valueLabel(param: SweepParam, value: number): string {
  if (param === 'protocol') return PROTOCOLS[value];
  const spec = PARAM_SPECS[param];
  return `${value}${spec.unit === '%' || spec.unit === '% per round' ? '%' : ''}`;
}
