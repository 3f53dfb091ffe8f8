/**
 * Types of the membership engines: who is alive, as Cassandra (heartbeat gossip) and
 * HashiCorp memberlist (SWIM) answer it. Time is counted in rounds: one round is one
 * protocol period (memberlist's ProbeInterval, Cassandra's one-second gossip interval).
 */

/** Each node keeps a view of every other node: n² entries, so the engines refuse bigger clusters. */
export const MEMBERSHIP_MAX_NODES = 10_000;

export const MEMBERSHIP_PROTOCOLS = ['heartbeat', 'swim'] as const;
export type MembershipProtocol = (typeof MEMBERSHIP_PROTOCOLS)[number];

/** What an observer believes of a subject. Codes are stored in a Uint8Array: order matters. */
export const VIEW_STATES = ['unknown', 'alive', 'suspect', 'dead'] as const;
export type ViewState = (typeof VIEW_STATES)[number];
export const UNKNOWN = 0;
export const ALIVE = 1;
export const SUSPECT = 2;
export const DEAD = 3;

/** SWIM as memberlist implements it; memberlist's names, durations in rounds (1 round = ProbeInterval). */
export interface SwimParams {
  /** Members asked to ping a target that missed its direct ack (memberlist IndirectChecks). */
  indirectChecks: number;
  /** Each update is piggybacked RetransmitMult × ⌈log10(n + 1)⌉ times. */
  retransmitMult: number;
  /** A suspect is declared dead after ⌈SuspicionMult × max(1, log10 n)⌉ rounds unless it refutes. */
  suspicionMult: number;
  /** Random members each gossip tick sends pending updates to. */
  gossipNodes: number;
  /** Rounds between gossip ticks (memberlist: 200 ms against a 1 s ProbeInterval = 0.2); 0 = off. */
  gossipInterval: number;
  /** Rounds between full-state push/pull syncs with a random live member (scaled up past 32 nodes as memberlist does); 0 = off. */
  pushPullInterval: number;
  /** Rounds a dead member is still gossiped to (so it can refute) and kept before it is pruned. */
  gossipToTheDeadTime: number;
  /** Rounds between Serf-style attempts to rejoin a random failed member; 0 = off. */
  reconnectInterval: number;
  /** memberlist's shuffled round-robin probe list, or the SWIM paper's uniformly random target. */
  probeSelection: 'round-robin' | 'random';
}

/** Gossip-style failure detection as Cassandra's Gossiper does it (van Renesse et al. 1998). */
export interface HeartbeatParams {
  /** A member whose heartbeat has not advanced for this many rounds is marked down. */
  tFail: number;
  /** A down member is forgotten this many rounds after its heartbeat last advanced; 0 = never (Cassandra keeps ring members). */
  tCleanup: number;
  /** Use Cassandra's phi-accrual detector instead of the fixed `tFail`. */
  phi: boolean;
  /** Cassandra's phi_convict_threshold. */
  phiConvictThreshold: number;
  /** Seed nodes (Cassandra's seed list): every node gossips to one now and then, which heals partitions. */
  seeds: number[];
}

/** Everything that fixes a membership run, together with its action log. */
export interface MembershipConfig {
  protocol: MembershipProtocol;
  nodes: number;
  /** uint32 seed of the run's PRNG. */
  seed: number;
  /** Probability that any one UDP message is lost. */
  loss: number;
  swim?: Partial<SwimParams>;
  heartbeat?: Partial<HeartbeatParams>;
}

/** A configuration with every protocol parameter filled in. */
export interface ResolvedMembershipConfig extends Omit<MembershipConfig, 'swim' | 'heartbeat'> {
  swim: SwimParams;
  heartbeat: HeartbeatParams;
}

export const MEMBERSHIP_MESSAGE_KINDS = [
  'ping', 'ack', 'ping-req', 'indirect-ping', 'indirect-ack', 'ack-relay', 'gossip', 'push-pull', 'push-pull-reply',
  'syn', 'ack1', 'ack2', 'echo', 'echo-reply',
] as const;
export type MembershipMessageKind = (typeof MEMBERSHIP_MESSAGE_KINDS)[number];
export const KIND_PING = 0;
export const KIND_ACK = 1;
export const KIND_PING_REQ = 2;
export const KIND_INDIRECT_PING = 3;
export const KIND_INDIRECT_ACK = 4;
export const KIND_ACK_RELAY = 5;
export const KIND_GOSSIP = 6;
export const KIND_PUSH_PULL = 7;
export const KIND_PUSH_PULL_REPLY = 8;
export const KIND_SYN = 9;
export const KIND_ACK1 = 10;
export const KIND_ACK2 = 11;
export const KIND_ECHO = 12;
export const KIND_ECHO_REPLY = 13;

/**
 * The byte model: what one message costs on the wire. Not any product's exact encoding, but
 * the same order of size, so that protocols and settings compare fairly.
 */
export const BYTE_MODEL = {
  /** Every message: type, sequence number, sender and target. */
  header: 24,
  /** One piggybacked alive/suspect/dead update: node id and address (10), incarnation (4), state (2). */
  swimUpdate: 16,
  /** The target named in a ping-req. */
  pingReqTarget: 8,
  /** One Cassandra GossipDigest: endpoint (8), generation (4), max version (4). */
  digest: 16,
  /** One endpoint state: endpoint (8), heartbeat generation and version (8), status (8). */
  endpointState: 24,
  /** memberlist's UDPBufferSize: piggybacking stops when a packet is full. */
  udpLimit: 1400,
} as const;

/**
 * The messages of one round, struct-of-arrays; filled only when recording. Not the engine's
 * MessageBatch: kinds index another list, and `updates` stands where it has useful and rounds.
 */
export interface MembershipMessageBatch {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  /** Index into MEMBERSHIP_MESSAGE_KINDS. */
  kind: Uint8Array;
  /** Index into the engine's OUTCOMES (delivered, lost, partition, dead). */
  outcome: Uint8Array;
  /** Piggybacked updates (SWIM) or digests + endpoint states (heartbeat) carried. */
  updates: Uint32Array;
}

export type DetectionKind = 'first-suspect' | 'first-dead' | 'all-know';

/** A crashed node was first suspected / first declared dead / known dead by every live node. */
export interface DetectionEvent {
  node: number;
  kind: DetectionKind;
  /** Rounds since the crash. */
  latency: number;
}

/** One crash and how the cluster noticed it; rounds are absolute, -1 = not (yet). */
export interface CrashRecord {
  node: number;
  /** The crash was applied after this round. */
  crashedAt: number;
  firstSuspect: number;
  firstDead: number;
  allKnow: number;
  recoveredAt: number;
}

export interface MembershipRoundMetrics {
  round: number;
  /** Nodes up after the round (the truth). */
  live: number;
  sent: number;
  delivered: number;
  droppedLoss: number;
  droppedPartition: number;
  droppedDead: number;
  /** Bytes sent, by BYTE_MODEL. */
  bytes: number;
  /** Messages sent, per MEMBERSHIP_MESSAGE_KINDS index. */
  sentByKind: number[];
  /** Suspicions an observer raised itself this round (failed probe). */
  suspicions: number;
  /** Death declarations an observer made itself (suspicion timeout, T_fail, phi, failed echo). */
  declaredDead: number;
  /** Live nodes that went from "nobody thinks it dead" to "someone does" this round. */
  falsePositives: number;
  /** Suspected or dead-declared nodes that refuted with a higher incarnation. */
  refutations: number;
  /** (live observer, live subject) pairs where the observer holds the subject dead or has forgotten it. */
  wronglyDead: number;
  /** (live observer, crashed subject) pairs where the observer holds the subject alive or suspect. */
  wronglyAlive: number;
  detections: DetectionEvent[];
}

/** One observer's belief about one subject. */
export interface MembershipView {
  state: ViewState;
  /** SWIM: the incarnation the observer knows. */
  incarnation?: number;
  /** Heartbeat: [generation, version] the observer knows. */
  heartbeat?: [number, number];
  /** Heartbeat: the round the heartbeat last advanced at the observer. */
  lastAdvanced?: number;
  /** Heartbeat with phi on: the current phi value. */
  phi?: number;
}

export interface MembershipSummary {
  rounds: number;
  crashes: CrashRecord[];
  suspicions: number;
  declaredDead: number;
  falsePositives: number;
  refutations: number;
  sent: number;
  bytes: number;
  /** Messages sent per live node per round, over the whole run. */
  messagesPerNodeRound: number;
  bytesPerNodeRound: number;
}
