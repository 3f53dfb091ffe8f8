import {
  MEMBERSHIP_MAX_NODES, MEMBERSHIP_PROTOCOLS,
  type HeartbeatParams, type MembershipConfig, type ResolvedMembershipConfig, type SwimParams,
} from './types';

/** memberlist's DefaultLANConfig in rounds of one ProbeInterval (1 s), plus Serf's reconnect off. */
export const DEFAULT_SWIM: Readonly<SwimParams> = Object.freeze({
  indirectChecks: 3,
  retransmitMult: 4,
  suspicionMult: 4,
  gossipNodes: 3,
  gossipInterval: 0.2,
  pushPullInterval: 30,
  gossipToTheDeadTime: 30,
  reconnectInterval: 0,
  probeSelection: 'round-robin',
});

/** van Renesse's T_fail with T_cleanup = 2·T_fail; Cassandra's phi threshold of 8; one seed. */
export const DEFAULT_HEARTBEAT: Readonly<HeartbeatParams> = Object.freeze({
  tFail: 10,
  tCleanup: 20,
  phi: false,
  phiConvictThreshold: 8,
  seeds: [0],
});

export const DEFAULT_MEMBERSHIP_CONFIG: Readonly<MembershipConfig> = Object.freeze({
  protocol: 'swim',
  nodes: 100,
  seed: 1,
  loss: 0,
});

/** Round-count parameters stay below this so that 16-bit round stamps never wrap while they matter. */
export const MAX_TIMER_ROUNDS = 50_000;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const intIn = (v: unknown, lo: number, hi: number): boolean => isInt(v) && v >= lo && v <= hi;

/** Fills in the defaults (seeds default to node 0, kept only if it exists). */
export function resolveMembershipConfig(c: MembershipConfig): ResolvedMembershipConfig {
  return {
    protocol: c.protocol,
    nodes: c.nodes,
    seed: c.seed,
    loss: c.loss,
    swim: { ...DEFAULT_SWIM, ...(c.swim ?? {}) },
    heartbeat: { ...DEFAULT_HEARTBEAT, seeds: [...DEFAULT_HEARTBEAT.seeds], ...(c.heartbeat ?? {}) },
  };
}

/**
 * Every problem with a membership configuration as "field: what it accepts" lines (empty when
 * valid), in the style of the engine's `configProblems`.
 */
export function membershipConfigProblems(config: MembershipConfig): string[] {
  const p: string[] = [];
  if (typeof config !== 'object' || config === null) return ['config: an object'];
  const c = resolveMembershipConfig(config);
  const n = c.nodes;
  if (!MEMBERSHIP_PROTOCOLS.includes(c.protocol)) p.push(`protocol: one of ${MEMBERSHIP_PROTOCOLS.join(', ')}`);
  if (!intIn(n, 2, MEMBERSHIP_MAX_NODES)) {
    p.push(`nodes: an integer from 2 to ${MEMBERSHIP_MAX_NODES.toLocaleString('en-US')} (every node keeps a view of every other: n² entries)`);
  }
  if (!intIn(c.seed, 0, 4294967295)) p.push('seed: an integer from 0 to 4294967295');
  if (typeof c.loss !== 'number' || !(c.loss >= 0 && c.loss <= 1)) p.push('loss: a probability from 0 to 1');
  const s = c.swim;
  if (!intIn(s.indirectChecks, 0, 64)) p.push('swim.indirectChecks: an integer from 0 to 64');
  if (!intIn(s.retransmitMult, 1, 50)) p.push('swim.retransmitMult: an integer from 1 to 50');
  if (!intIn(s.suspicionMult, 1, 100)) p.push('swim.suspicionMult: an integer from 1 to 100');
  if (!intIn(s.gossipNodes, 0, 64)) p.push('swim.gossipNodes: an integer from 0 to 64');
  if (typeof s.gossipInterval !== 'number' || !(s.gossipInterval === 0 || (s.gossipInterval >= 0.01 && s.gossipInterval <= 1000))) {
    p.push('swim.gossipInterval: rounds between gossip ticks, 0 (off) or from 0.01 to 1000');
  }
  if (!intIn(s.pushPullInterval, 0, MAX_TIMER_ROUNDS)) p.push(`swim.pushPullInterval: an integer from 0 (off) to ${MAX_TIMER_ROUNDS}`);
  if (!intIn(s.gossipToTheDeadTime, 0, MAX_TIMER_ROUNDS)) p.push(`swim.gossipToTheDeadTime: an integer from 0 to ${MAX_TIMER_ROUNDS}`);
  if (!intIn(s.reconnectInterval, 0, MAX_TIMER_ROUNDS)) p.push(`swim.reconnectInterval: an integer from 0 (off) to ${MAX_TIMER_ROUNDS}`);
  if (s.probeSelection !== 'round-robin' && s.probeSelection !== 'random') p.push('swim.probeSelection: round-robin or random');
  const h = c.heartbeat;
  if (!intIn(h.tFail, 1, MAX_TIMER_ROUNDS)) p.push(`heartbeat.tFail: an integer from 1 to ${MAX_TIMER_ROUNDS}`);
  if (!isInt(h.tCleanup) || !(h.tCleanup === 0 || (h.tCleanup >= (isInt(h.tFail) ? h.tFail : 1) && h.tCleanup <= MAX_TIMER_ROUNDS))) {
    p.push(`heartbeat.tCleanup: 0 (never forget) or an integer from tFail to ${MAX_TIMER_ROUNDS}`);
  }
  if (typeof h.phi !== 'boolean') p.push('heartbeat.phi: true or false');
  if (typeof h.phiConvictThreshold !== 'number' || !(h.phiConvictThreshold > 0 && h.phiConvictThreshold <= 1000)) {
    p.push('heartbeat.phiConvictThreshold: a number above 0, at most 1000');
  }
  const seeds: unknown = h.seeds;
  const maxId = isInt(n) ? n - 1 : 0;
  if (!Array.isArray(seeds) || seeds.some((x) => !intIn(x, 0, maxId)) || new Set(seeds).size !== seeds.length) {
    p.push(`heartbeat.seeds: distinct node ids from 0 to ${maxId}`);
  }
  return p;
}

/**
 * Bytes of state per (observer, subject) pair: SWIM 6 (status 1, round stamp 2, incarnation 2,
 * broadcast-queue count 1); heartbeat 7 (status 1, round stamp 2, heartbeat serial 4), plus 6
 * with phi (mean interval 4, sample count 2).
 */
function membershipBytesPerPair(protocol: MembershipConfig['protocol'], phi = false): number {
  return protocol === 'swim' ? 6 : phi ? 13 : 7;
}

/**
 * The typed-array memory a run needs, n² × bytes per pair (the O(n) arrays are negligible);
 * a snapshot copies about as much again. 2000 nodes: 24 MB (SWIM), 28 MB (heartbeat), 52 MB
 * (heartbeat + phi); 10,000 nodes: 600 MB, 700 MB, 1.3 GB.
 */
export function membershipStateBytes(config: MembershipConfig): number {
  return config.nodes * config.nodes * membershipBytesPerPair(config.protocol, config.heartbeat?.phi ?? false);
}
