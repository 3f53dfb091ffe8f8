import { CLI_BUDGET, MAX_DELAY, expectedEdges } from './limits';
import { INTEREST_RULES, PROTOCOLS, TOPOLOGIES, type DelaySpec, type SimConfig } from './types';

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
  interest: 'feedback-counter',
  k: 2,
  antiEntropy: 0,
  delay: { kind: 'fixed', rounds: 1 },
  crashRate: 0,
  recoverRate: 0,
  recoverEmpty: false,
};

/** Largest explicit graph the engine builds: ~50 M edges take about 1 GB while being built. */
export const MAX_EDGES = CLI_BUDGET.edges;

export { MAX_DELAY };

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
  if (!INTEREST_RULES.includes(c.interest)) problems.push(`interest: one of ${INTEREST_RULES.join(', ')}`);
  if (!isInt(c.k) || c.k < 1 || c.k > 100) problems.push('k: an integer from 1 to 100');
  if (!isInt(c.antiEntropy) || c.antiEntropy < 0 || c.antiEntropy > 1_000_000) problems.push('antiEntropy: every R rounds, an integer from 0 (off) to 1,000,000');
  else if (c.protocol === 'primary-backup' && c.antiEntropy !== 0) problems.push('antiEntropy: 0 with primary-backup (its replicas never exchange with each other)');
  const delay = delayProblem(c.delay);
  if (delay) problems.push(`delay: ${delay}`);
  if (!isProbability(c.crashRate)) problems.push('crashRate: a probability from 0 to 1');
  if (!isProbability(c.recoverRate)) problems.push('recoverRate: a probability from 0 to 1');
  if (typeof c.recoverEmpty !== 'boolean') problems.push('recoverEmpty: true or false');
  if (problems.length === 0 && expectedEdges(c) > MAX_EDGES) {
    problems.push(`degree: a ${c.topology} graph of ${c.nodes.toLocaleString('en-US')} nodes and degree ${c.degree} would have about ${Math.round(expectedEdges(c)).toLocaleString('en-US')} edges; at most ${MAX_EDGES.toLocaleString('en-US')}`);
  }
  return problems;
}

const isProbability = (p: unknown): boolean => typeof p === 'number' && p >= 0 && p <= 1;

export function delayProblem(d: DelaySpec): string | null {
  if (typeof d !== 'object' || d === null) return 'fixed:D, uniform:A:B or exp:MEAN';
  switch (d.kind) {
    case 'fixed':
      return isInt(d.rounds) && d.rounds >= 1 && d.rounds <= MAX_DELAY ? null : `a fixed delay is an integer from 1 to ${MAX_DELAY} rounds`;
    case 'uniform':
      return isInt(d.min) && isInt(d.max) && d.min >= 1 && d.min <= d.max && d.max <= MAX_DELAY
        ? null : `a uniform delay needs integers 1 ≤ A ≤ B ≤ ${MAX_DELAY}`;
    case 'exp':
      return typeof d.mean === 'number' && d.mean >= 1 && d.mean <= MAX_DELAY / 10 ? null : `an exponential delay needs a mean from 1 to ${MAX_DELAY / 10} rounds`;
    default:
      return 'fixed:D, uniform:A:B or exp:MEAN';
  }
}

/** "fixed:1", "uniform:1:3", "exp:2.5": the CLI's and the page's way of writing a delay. */
export function formatDelay(d: DelaySpec): string {
  if (d.kind === 'fixed') return `fixed:${d.rounds}`;
  if (d.kind === 'uniform') return `uniform:${d.min}:${d.max}`;
  return `exp:${d.mean}`;
}

/** Parses "fixed:D", "uniform:A:B" or "exp:MEAN"; null when malformed (range checks are configProblems'). */
export function parseDelay(text: string): DelaySpec | null {
  const parts = text.split(':');
  const num = (s: string | undefined) => (s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
  if (parts[0] === 'fixed' && parts.length === 2) return Number.isNaN(num(parts[1])) ? null : { kind: 'fixed', rounds: num(parts[1]) };
  if (parts[0] === 'uniform' && parts.length === 3) {
    const min = num(parts[1]), max = num(parts[2]);
    return Number.isNaN(min) || Number.isNaN(max) ? null : { kind: 'uniform', min, max };
  }
  if (parts[0] === 'exp' && parts.length === 2) return Number.isNaN(num(parts[1])) ? null : { kind: 'exp', mean: num(parts[1]) };
  return null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}
