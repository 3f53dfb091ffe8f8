import { DEFAULT_CONFIG } from '../engine/config';
import { MEMBERSHIP_PROTOCOLS, type HeartbeatParams, type MembershipProtocol, type SwimParams } from '../engine/membership';
import { PROTOCOLS, type SimConfig } from '../engine/types';

/** Protocols that spread an update (the engine's Simulation); primary-backup is the non-gossip baseline. */
export const SPREADING_PROTOCOLS = PROTOCOLS;
/** The spreading protocols in which every node passes the update on (all but primary-backup). */
export const GOSSIP_PROTOCOLS = ['push', 'pull', 'push-pull', 'rumor'] as const;
/** Every protocol the CLI runs: the spreading ones and those that answer "who is alive?" (the engine's MembershipSimulation). */
export const CLI_PROTOCOLS = [...SPREADING_PROTOCOLS, ...MEMBERSHIP_PROTOCOLS] as const;

export type CliProtocol = (typeof CLI_PROTOCOLS)[number];

export const isMembership = (p: CliProtocol): p is MembershipProtocol => p === 'heartbeat' || p === 'swim';

/** Default --max-rounds of a membership run: a crash is known everywhere within ~40 rounds at the defaults. */
export const MEMBERSHIP_MAX_ROUNDS = 100;

/** The engine's configuration fields the CLI sets directly, with the engine's own types and meanings. */
const ENGINE_FIELDS = [
  'nodes', 'fanout', 'topology', 'degree', 'loss', 'seed', 'interest', 'k', 'antiEntropy', 'delay', 'crashRate', 'recoverRate', 'recoverEmpty',
] as const;
type EngineFields = Pick<SimConfig, (typeof ENGINE_FIELDS)[number]>;

/** Those fields of a configuration (or of the options). */
export function engineFields(from: EngineFields): EngineFields {
  return Object.fromEntries(ENGINE_FIELDS.map((field) => [field, from[field]])) as EngineFields;
}

/** Everything the runners need, resolved from the command line. */
export interface CliOptions extends EngineFields {
  protocol: CliProtocol;
  trials: number;
  maxRounds: number;
  series: boolean;
  /** Measure the busiest node's load (always on for primary-backup). */
  load: boolean;
  format: 'json' | 'csv';
  /** Path of a scenario file (configuration plus timed actions), or null. */
  scenario: string | null;
  /** Membership: crash one node drawn from the trial's seed after this round; null = no crash. */
  crashAt: number | null;
  /** Membership: rounds before the rates (false positives, messages, bytes) start counting. */
  warmup: number;
  /** Membership parameters given on the command line; the engine's defaults fill the rest. */
  swim: Partial<SwimParams>;
  heartbeat: Partial<HeartbeatParams>;
}

/** The engine's defaults (1000 nodes, push, fanout 1, complete graph, seed 1, …), and the CLI's own. */
export const DEFAULT_OPTIONS: CliOptions = {
  ...engineFields(DEFAULT_CONFIG),
  protocol: DEFAULT_CONFIG.protocol,
  trials: 1,
  maxRounds: 10_000,
  series: false,
  load: false,
  format: 'json',
  scenario: null,
  crashAt: null,
  warmup: 0,
  swim: {},
  heartbeat: {},
};
