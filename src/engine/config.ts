import { PROTOCOLS, TOPOLOGIES, type SimConfig } from './types';

export const LIMITS = {
  nodes: { min: 2, max: 10_000_000 },
  keys: { min: 1, max: 8 },
  degree: { min: 1, max: 10_000 },
  seed: { min: 0, max: 4294967295 },
} as const;

export const DEFAULT_CONFIG: SimConfig = {
  nodes: 1000,
  protocol: 'push',
  fanout: 1,
  topology: 'complete',
  degree: 6,
  loss: 0,
  seed: 1,
  keys: 1,
  origin: 0,
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Every problem with a configuration, as "field: what it accepts" lines (empty when valid).
 * The engine refuses to build a run from an invalid configuration; the CLI and the page show
 * these lines to the user.
 */
export function configProblems(c: SimConfig): string[] {
  const problems: string[] = [];
  const n = c.nodes;
  if (!isInt(n) || n < LIMITS.nodes.min || n > LIMITS.nodes.max) {
    problems.push(`nodes: an integer from ${LIMITS.nodes.min} to ${LIMITS.nodes.max.toLocaleString('en-US')}`);
  }
  if (!PROTOCOLS.includes(c.protocol)) problems.push(`protocol: one of ${PROTOCOLS.join(', ')}`);
  if (!TOPOLOGIES.includes(c.topology)) problems.push(`topology: one of ${TOPOLOGIES.join(', ')}`);
  const maxFanout = isInt(n) ? Math.max(1, n - 1) : 1;
  if (!isInt(c.fanout) || c.fanout < 1 || c.fanout > maxFanout) problems.push(`fanout: an integer from 1 to ${maxFanout} (nodes − 1)`);
  if (!isInt(c.degree) || c.degree < LIMITS.degree.min || c.degree > LIMITS.degree.max) {
    problems.push(`degree: an integer from ${LIMITS.degree.min} to ${LIMITS.degree.max}`);
  }
  if (typeof c.loss !== 'number' || !(c.loss >= 0 && c.loss <= 1)) problems.push('loss: a probability from 0 to 1');
  if (!isInt(c.seed) || c.seed < LIMITS.seed.min || c.seed > LIMITS.seed.max) problems.push(`seed: an integer from 0 to ${LIMITS.seed.max}`);
  if (!isInt(c.keys) || c.keys < LIMITS.keys.min || c.keys > LIMITS.keys.max) problems.push(`keys: an integer from ${LIMITS.keys.min} to ${LIMITS.keys.max}`);
  if (!isInt(c.origin) || c.origin < -1 || (isInt(n) && c.origin >= n)) problems.push('origin: a node id from 0 to nodes − 1, or −1 for none');
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}
