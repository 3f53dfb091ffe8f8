import { LIMITS, MAX_DELAY } from '../engine/config';
import { DEFAULT_HEARTBEAT, DEFAULT_SWIM, MAX_TIMER_ROUNDS } from '../engine/membership';
import { INTEREST_RULES, TOPOLOGIES } from '../engine/types';
import { CLI_PROTOCOLS, GOSSIP_PROTOCOLS, SPREADING_PROTOCOLS } from './options';

/**
 * Which runs a flag applies to: every run, the spreading protocols (push, pull, push-pull,
 * rumor, primary-backup), the gossip ones among them (all but primary-backup, whose primary
 * sends to every replica directly: no graph, no anti-entropy between replicas), rumor
 * mongering only, the membership protocols (heartbeat, swim) or one of them.
 */
export type Scope = 'all' | 'spreading' | 'gossip' | 'rumor' | 'membership' | 'swim' | 'heartbeat';

interface Common {
  flag: string;
  /** Where the value goes in CliOptions: a field, or `swim.x` / `heartbeat.x`. */
  key: string;
  scope: Scope;
  /** Placeholder in --help (`--nodes N`); absent for switches. */
  arg?: string;
  help: string;
  /** Default as shown in --help ('' for none). */
  def: string;
}

export type Spec = Common & (
  | { type: 'int'; min: number; max: number; text?: string }
  | { type: 'number'; min: number; max: number; text: string }
  | { type: 'choice'; values: readonly string[] }
  | { type: 'probability' }
  | { type: 'switch' }
  | { type: 'delay' }
  | { type: 'path' }
  | { type: 'seeds' }
);

const num = (v: number): string => v.toLocaleString('en-US');
const T = MAX_TIMER_ROUNDS;

/** Every flag, in --help order. Ranges of engine settings mirror configProblems / membershipConfigProblems. */
export const SPECS: readonly Spec[] = [
  { flag: '--nodes', key: 'nodes', scope: 'all', type: 'int', min: LIMITS.nodes.min, max: LIMITS.nodes.max, arg: 'N', help: `cluster size, ${num(LIMITS.nodes.min)} to ${num(LIMITS.nodes.max)} (heartbeat, swim: up to 10,000)`, def: '1000' },
  { flag: '--protocol', key: 'protocol', scope: 'all', type: 'choice', values: CLI_PROTOCOLS, arg: 'P', help: CLI_PROTOCOLS.join(' | '), def: 'push' },
  { flag: '--fanout', key: 'fanout', scope: 'spreading', type: 'int', min: 1, max: LIMITS.nodes.max - 1, text: 'an integer from 1 to nodes - 1', arg: 'F', help: 'distinct peers per node and round, 1 to N-1 (primary-backup: replicas the primary sends to per round)', def: '1' },
  { flag: '--topology', key: 'topology', scope: 'gossip', type: 'choice', values: TOPOLOGIES, arg: 'T', help: TOPOLOGIES.join(' | '), def: 'complete' },
  { flag: '--degree', key: 'degree', scope: 'gossip', type: 'int', min: LIMITS.degree.min, max: LIMITS.degree.max, arg: 'D', help: `mean degree (random) or neighbours (ring), 1 to ${num(LIMITS.degree.max)}`, def: '6' },
  { flag: '--loss', key: 'loss', scope: 'all', type: 'probability', arg: 'P', help: 'probability that a message is lost, 0 to 1', def: '0' },
  { flag: '--trials', key: 'trials', scope: 'all', type: 'int', min: 1, max: 100_000, arg: 'T', help: 'independent runs, 1 to 100,000', def: '1' },
  { flag: '--seed', key: 'seed', scope: 'all', type: 'int', min: LIMITS.seed.min, max: LIMITS.seed.max, arg: 'S', help: 'seed of trial 0, 0 to 4294967295 (trial i: seed + i)', def: '1' },
  { flag: '--max-rounds', key: 'maxRounds', scope: 'all', type: 'int', min: 1, max: 1_000_000, arg: 'R', help: 'stop a trial after R rounds, 1 to 1,000,000', def: '10,000; heartbeat, swim: 100' },
  { flag: '--series', key: 'series', scope: 'spreading', type: 'switch', help: 'also print the mean informed fraction per round', def: '' },
  { flag: '--load', key: 'load', scope: 'gossip', type: 'switch', help: 'also measure the busiest node\'s messages (per-node counters: slower at 10^6 nodes)', def: '' },
  { flag: '--format', key: 'format', scope: 'all', type: 'choice', values: ['json', 'csv'], arg: 'F', help: 'json | csv (spreading: a row per round; membership: a row per trial)', def: 'json' },
  // Rumor mongering, delays, faults (issue 4).
  { flag: '--interest', key: 'interest', scope: 'rumor', type: 'choice', values: INTEREST_RULES, arg: 'I', help: INTEREST_RULES.join(' | '), def: 'feedback-counter' },
  { flag: '--k', key: 'k', scope: 'rumor', type: 'int', min: 1, max: 100, arg: 'K', help: 'the interest rule\'s k, 1 to 100', def: '2' },
  { flag: '--anti-entropy', key: 'antiEntropy', scope: 'gossip', type: 'int', min: 0, max: 1_000_000, arg: 'R', help: 'anti-entropy backup every R rounds, 0 (off) to 1,000,000', def: '0' },
  { flag: '--delay', key: 'delay', scope: 'spreading', type: 'delay', arg: 'D', help: `fixed:D | uniform:A:B | exp:MEAN message delay in rounds (1 to ${MAX_DELAY})`, def: 'fixed:1' },
  { flag: '--crash-rate', key: 'crashRate', scope: 'spreading', type: 'probability', arg: 'P', help: 'per node and round, probability that a live node crashes', def: '0' },
  { flag: '--recover-rate', key: 'recoverRate', scope: 'spreading', type: 'probability', arg: 'P', help: 'per node and round, probability that a crashed node recovers', def: '0' },
  { flag: '--recover-empty', key: 'recoverEmpty', scope: 'spreading', type: 'switch', help: 'a recovered node restarts empty instead of keeping its state', def: '' },
  { flag: '--scenario', key: 'scenario', scope: 'spreading', type: 'path', arg: 'FILE', help: 'JSON scenario: configuration and timed actions (flags given override it)', def: '' },
  // Membership (issue 5).
  { flag: '--crash-at', key: 'crashAt', scope: 'membership', type: 'int', min: 0, max: 1_000_000, arg: 'R', help: 'crash one node, drawn from the trial\'s seed, after round R', def: 'no crash' },
  { flag: '--warmup', key: 'warmup', scope: 'membership', type: 'int', min: 0, max: 1_000_000, arg: 'W', help: 'rounds before false positives, messages and bytes are counted', def: '0' },
  { flag: '--indirect-checks', key: 'swim.indirectChecks', scope: 'swim', type: 'int', min: 0, max: 64, arg: 'K', help: 'members asked to ping a target that missed its ack, 0 to 64', def: String(DEFAULT_SWIM.indirectChecks) },
  { flag: '--suspicion-mult', key: 'swim.suspicionMult', scope: 'swim', type: 'int', min: 1, max: 100, arg: 'M', help: 'suspicion timeout = ceil(M * max(1, log10 n)) rounds, 1 to 100', def: String(DEFAULT_SWIM.suspicionMult) },
  { flag: '--retransmit-mult', key: 'swim.retransmitMult', scope: 'swim', type: 'int', min: 1, max: 50, arg: 'M', help: 'each update is piggybacked M * ceil(log10(n + 1)) times, 1 to 50', def: String(DEFAULT_SWIM.retransmitMult) },
  { flag: '--gossip-nodes', key: 'swim.gossipNodes', scope: 'swim', type: 'int', min: 0, max: 64, arg: 'G', help: 'random members each gossip tick sends to, 0 to 64', def: String(DEFAULT_SWIM.gossipNodes) },
  { flag: '--gossip-interval', key: 'swim.gossipInterval', scope: 'swim', type: 'number', min: 0, max: 1000, text: 'rounds between gossip ticks, 0 (off) or from 0.01 to 1000', arg: 'R', help: 'rounds between gossip ticks, 0 (off) or 0.01 to 1000', def: String(DEFAULT_SWIM.gossipInterval) },
  { flag: '--push-pull-interval', key: 'swim.pushPullInterval', scope: 'swim', type: 'int', min: 0, max: T, arg: 'R', help: 'rounds between full-state syncs (scaled up past 32 nodes), 0 = off', def: String(DEFAULT_SWIM.pushPullInterval) },
  { flag: '--reconnect-interval', key: 'swim.reconnectInterval', scope: 'swim', type: 'int', min: 0, max: T, arg: 'R', help: 'rounds between Serf-style reconnects to failed members, 0 = off', def: String(DEFAULT_SWIM.reconnectInterval) },
  { flag: '--dead-gossip-time', key: 'swim.gossipToTheDeadTime', scope: 'swim', type: 'int', min: 0, max: T, arg: 'R', help: `rounds a dead member is still gossiped to and kept, 0 to ${num(T)}`, def: String(DEFAULT_SWIM.gossipToTheDeadTime) },
  { flag: '--probe-selection', key: 'swim.probeSelection', scope: 'swim', type: 'choice', values: ['round-robin', 'random'], arg: 'S', help: 'round-robin (memberlist) | random (the SWIM paper)', def: DEFAULT_SWIM.probeSelection },
  { flag: '--t-fail', key: 'heartbeat.tFail', scope: 'heartbeat', type: 'int', min: 1, max: T, arg: 'R', help: `mark down after R rounds without a newer heartbeat, 1 to ${num(T)}`, def: String(DEFAULT_HEARTBEAT.tFail) },
  { flag: '--t-cleanup', key: 'heartbeat.tCleanup', scope: 'heartbeat', type: 'int', min: 0, max: T, arg: 'R', help: 'forget a down member R rounds after its last heartbeat, 0 = never', def: String(DEFAULT_HEARTBEAT.tCleanup) },
  { flag: '--phi', key: 'heartbeat.phi', scope: 'heartbeat', type: 'switch', help: 'use the phi-accrual detector instead of --t-fail', def: '' },
  { flag: '--phi-threshold', key: 'heartbeat.phiConvictThreshold', scope: 'heartbeat', type: 'number', min: 0, max: 1000, text: 'a number above 0, at most 1000', arg: 'X', help: 'phi_convict_threshold, above 0 to 1000', def: String(DEFAULT_HEARTBEAT.phiConvictThreshold) },
  { flag: '--seeds', key: 'heartbeat.seeds', scope: 'heartbeat', type: 'seeds', arg: 'LIST', help: 'seed nodes: comma-separated node ids, or none', def: DEFAULT_HEARTBEAT.seeds.join(',') },
];

export const SPEC_BY_FLAG: ReadonlyMap<string, Spec> = new Map(SPECS.map((s) => [s.flag, s]));
/** The flag that sets a config field (`loss`, `swim.indirectChecks`, …), for engine messages. */
export const FLAG_BY_KEY: ReadonlyMap<string, string> = new Map(SPECS.map((s) => [s.key, s.flag]));

/** What a flag accepts, as the tail of "--x must be …" / "--x needs a value: …". */
export function accepts(spec: Spec): string {
  switch (spec.type) {
    case 'int': return spec.text ?? `an integer from ${num(spec.min)} to ${num(spec.max)}`;
    case 'number': return spec.text;
    case 'choice': return `one of ${spec.values.join(', ')}`;
    case 'probability': return 'a number from 0 to 1';
    case 'switch': return 'no value';
    case 'delay': return 'fixed:D, uniform:A:B or exp:MEAN';
    case 'path': return 'the path of a scenario file';
    case 'seeds': return 'comma-separated node ids (e.g. 0,5,9) or none';
  }
}

const SCOPE_TEXT: Record<Exclude<Scope, 'all'>, string> = {
  spreading: `the spreading protocols (${SPREADING_PROTOCOLS.join(', ')})`,
  gossip: `the gossip protocols (${GOSSIP_PROTOCOLS.join(', ')})`,
  rumor: '--protocol rumor',
  membership: 'the membership protocols (heartbeat, swim)',
  swim: '--protocol swim',
  heartbeat: '--protocol heartbeat',
};

export function inScope(scope: Scope, protocol: string): boolean {
  switch (scope) {
    case 'all': return true;
    case 'spreading': return protocol !== 'heartbeat' && protocol !== 'swim';
    case 'gossip': return protocol !== 'heartbeat' && protocol !== 'swim' && protocol !== 'primary-backup';
    case 'membership': return protocol === 'heartbeat' || protocol === 'swim';
    default: return protocol === scope;
  }
}

/** "--k applies to --protocol rumor only" (the scope of a flag that is not 'all'). */
export function appliesTo(flag: string): string {
  const scope = SPEC_BY_FLAG.get(flag)?.scope ?? 'all';
  return scope === 'all' ? `${flag} applies to every run` : `${flag} applies to ${SCOPE_TEXT[scope]} only`;
}

/** "--k applies to --protocol rumor only, not to --protocol push" when out of scope, else null. */
export function scopeProblem(flag: string, protocol: string): string | null {
  const spec = SPEC_BY_FLAG.get(flag);
  if (!spec || inScope(spec.scope, protocol)) return null;
  return `${appliesTo(flag)}, not to --protocol ${protocol}`;
}
