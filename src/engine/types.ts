/** Shared engine types: configuration, actions, per-round metrics and messages. */

/** `primary-backup` is the baseline gossip is compared with: one node sends to every replica itself. */
export const PROTOCOLS = ['push', 'pull', 'push-pull', 'rumor', 'primary-backup'] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];

export const TOPOLOGIES = ['complete', 'ring', 'random', 'grid'] as const;
export type TopologyName = (typeof TOPOLOGIES)[number];

/** When a rumor-mongering node loses interest (Demers et al. 1987), with parameter k. */
export const INTEREST_RULES = ['feedback-counter', 'feedback-coin', 'blind-counter', 'blind-coin'] as const;
export type InterestRule = (typeof INTEREST_RULES)[number];

/**
 * Delay of each message in rounds (d ≥ 1): a message sent in round r is received in round
 * r + d − 1, so d = 1 is the synchronous model. `exp` is the discrete exponential (geometric)
 * distribution on 1, 2, 3, … with the given mean.
 */
export type DelaySpec =
  | { kind: 'fixed'; rounds: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exp'; mean: number };

/** Everything that determines a run, together with the seed and the action log. */
export interface SimConfig {
  nodes: number;
  protocol: ProtocolName;
  fanout: number;
  topology: TopologyName;
  /** Mean degree (random) or number of nearest neighbours (ring); ignored otherwise. */
  degree: number;
  /** Probability that any one message is lost. */
  loss: number;
  /** uint32 seed of the run's PRNG. */
  seed: number;
  /** How many independent keys can spread at once (1–8). */
  keys: number;
  /** Node that holds version 1 of key 0 at round 0, or -1 for none. */
  origin: number;
  /** Rumor mongering: when a node loses interest, and the rule's parameter k. */
  interest: InterestRule;
  k: number;
  /** Anti-entropy backup: every R rounds every live node does a push-pull with one random peer (0 = off). */
  antiEntropy: number;
  delay: DelaySpec;
  /** Churn: per node and round, the probability that a live node crashes / a crashed one recovers. */
  crashRate: number;
  recoverRate: number;
  /** A recovered node restarts empty (forgets every version) instead of keeping its state. */
  recoverEmpty: boolean;
}

/** Actions change the world between rounds; every one is logged so that a run replays exactly. */
export type Action =
  | { type: 'write'; node: number; key: number }
  | { type: 'crash'; node: number }
  | { type: 'recover'; node: number }
  | { type: 'setLoss'; p: number }
  /** Each listed array is one group; nodes not listed stay in group 0. Messages between groups drop. */
  | { type: 'partition'; groups: number[][] }
  /** Moves the nodes into a new group cut off from every other group (a lasso). */
  | { type: 'isolate'; nodes: number[] }
  /**
   * Sets one direction of the link between two groups: `blocked` drops every message from
   * `from` to `to` (a one-way cut when the other direction stays open); `loss` adds loss.
   */
  | { type: 'setLink'; from: number; to: number; blocked: boolean; loss: number }
  /** Joins every group again, and clears every cut and link loss. */
  | { type: 'heal' }
  /** Settings a run can change mid-way: they hold from the next round on (a message on its way keeps its delay). */
  | { type: 'setFanout'; fanout: number }
  | { type: 'setDelay'; delay: DelaySpec }
  /** Rumor mongering's interest parameter k (the rule itself stays). */
  | { type: 'setRumorK'; k: number }
  /**
   * A hand-played round: in the next round `node` contacts exactly these peers (its neighbours,
   * at most the fanout) instead of drawing them, and draws nothing for it. A lesson's student
   * clicks them; logged like every action, so a link or a seek replays the same round.
   */
  | { type: 'pickPeers'; node: number; peers: number[] };

/** The action types that change a run's settings rather than its cluster. */
export const SETTING_ACTIONS = ['setLoss', 'setFanout', 'setDelay', 'setRumorK'] as const;

/** An action and the round after which it was applied (0 = before round 1). */
export interface LoggedAction {
  round: number;
  action: Action;
}

export const MESSAGE_KINDS = [
  'push', 'pull-request', 'pull-reply', 'exchange', 'exchange-reply', 'rumor', 'anti-entropy', 'anti-entropy-reply',
  'replicate', 'ack',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What became of one message. Order matters: codes are stored in a Uint8Array. */
export const OUTCOMES = ['delivered', 'lost', 'partition', 'dead'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_DELIVERED = 0;
export const OUTCOME_LOST = 1;
export const OUTCOME_PARTITION = 2;
export const OUTCOME_DEAD = 3;

export interface RoundMetrics {
  round: number;
  /** Live nodes after the round. */
  live: number;
  sent: number;
  delivered: number;
  droppedLoss: number;
  droppedPartition: number;
  droppedDead: number;
  /** Delivered messages that changed nothing at the receiver. */
  redundant: number;
  /** Messages whose payload carried at least one version (the update). */
  traffic: number;
  /** Per key: live nodes holding the newest written version. */
  informed: number[];
  /** Per key: nodes that held no version of the key before this round and one after it. */
  newlyInformed: number[];
  /** Messages sent but not yet received or dropped (delay > 1). */
  inFlight: number;
  /** Rumor mongering, per key: live nodes still spreading it / that have lost interest. */
  infective: number[];
  removed: number[];
  /** Churn this round. */
  crashes: number;
  recoveries: number;
  /**
   * Load on the busiest node: the most messages one node sent this round, and since the run
   * began; null when the run does not measure it (SimulationOptions.trackLoad).
   */
  busiestSent: number | null;
  busiestSentTotal: number | null;
}

/** The messages of one round, struct-of-arrays; filled only when message recording is on. */
export interface MessageBatch {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  /** Index into MESSAGE_KINDS. */
  kind: Uint8Array;
  /** Index into OUTCOMES. */
  outcome: Uint8Array;
  /** 1 when the message changed the receiver's state. */
  useful: Uint8Array;
  /** Round the message was sent in, and the round it is (or was to be) received in. */
  sentRound: Uint32Array;
  deliverRound: Uint32Array;
}
