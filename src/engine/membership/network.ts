import { doubleColumns } from '../columns';
import type { Rng } from '../prng';
import { OUTCOME_DEAD, OUTCOME_DELIVERED, OUTCOME_LOST, OUTCOME_PARTITION } from '../types';
// The engine's partition semantics and group limit: the same actions (and scenario files) drive both.
import { isolateGroup, partitionGroups } from '../network-actions';
import { MAX_GROUPS } from '../world';
import { MEMBERSHIP_MESSAGE_KINDS, type MembershipMessageBatch } from './types';

/**
 * The network of a membership run: the truth about who is up, the partition, the loss rate,
 * and the fate of every message. A message is delivered within the round it is sent, unless
 * sender and receiver are in different partition groups, the receiver is crashed, or it is
 * lost — checked in that order, as the engine's RoundNet does, so the loss draw happens only
 * for messages that could arrive.
 */
export class MembershipNet {
  readonly alive: Uint8Array;
  readonly group: Uint8Array;
  /** blocked[a·MAX_GROUPS + b] = 1: messages from group a to group b are dropped. */
  readonly blocked = new Uint8Array(MAX_GROUPS * MAX_GROUPS);
  partitioned = false;
  loss = 0;
  liveCount: number;
  sent = 0;
  delivered = 0;
  droppedLoss = 0;
  droppedPartition = 0;
  droppedDead = 0;
  bytes = 0;
  readonly sentByKind = new Float64Array(MEMBERSHIP_MESSAGE_KINDS.length);
  readonly messages: MembershipMessageBatch | null;
  /**
   * Test hook: messages for which this returns true are lost (no random draw). Never set by
   * the simulation, so runs stay a function of config, seed and actions.
   */
  drop: ((from: number, to: number, kind: number) => boolean) | null = null;

  constructor(readonly nodes: number, private readonly rng: Rng, recordMessages: boolean) {
    this.alive = new Uint8Array(nodes).fill(1);
    this.group = new Uint8Array(nodes);
    this.liveCount = nodes;
    this.messages = recordMessages ? emptyBatch(256) : null;
  }

  begin(): void {
    this.sent = this.delivered = this.droppedLoss = this.droppedPartition = this.droppedDead = this.bytes = 0;
    this.sentByKind.fill(0);
    if (this.messages) this.messages.count = 0;
  }

  /**
   * Sends one message and returns true when it is delivered. `reliable` messages (memberlist's
   * TCP push/pull) are never lost at random, but still stop at partitions and crashed nodes.
   */
  send(from: number, to: number, kind: number, updates: number, bytes: number, reliable = false): boolean {
    // Not RoundNet's fate code: no delays or per-link loss here, and reliable (TCP) messages skip the loss draw.
    this.sent++;
    this.bytes += bytes;
    this.sentByKind[kind]++;
    let outcome = OUTCOME_DELIVERED;
    if (this.partitioned && this.blocked[this.group[from] * MAX_GROUPS + this.group[to]] !== 0) outcome = OUTCOME_PARTITION;
    else if (this.alive[to] === 0) outcome = OUTCOME_DEAD;
    else if (this.drop?.(from, to, kind) || (!reliable && this.loss > 0 && this.rng.chance(this.loss))) outcome = OUTCOME_LOST;
    if (outcome === OUTCOME_DELIVERED) this.delivered++;
    else if (outcome === OUTCOME_PARTITION) this.droppedPartition++;
    else if (outcome === OUTCOME_DEAD) this.droppedDead++;
    else this.droppedLoss++;
    if (this.messages) record(this.messages, from, to, kind, outcome, updates);
    return outcome === OUTCOME_DELIVERED;
  }

  /** Can `from` reach `to` at all right now (ignoring loss)? */
  connected(from: number, to: number): boolean {
    return this.alive[to] === 1 && (!this.partitioned || this.blocked[this.group[from] * MAX_GROUPS + this.group[to]] === 0);
  }

  /** Listed groups become groups 1..k, every other node group 0. */
  partition(groups: unknown): void {
    partitionGroups(this.group, this.blocked, groups);
    this.partitioned = true;
  }

  /** A lasso: the nodes form a new group, cut off both ways from every other group. */
  isolate(nodes: unknown): void {
    isolateGroup(this.group, this.blocked, nodes);
    this.partitioned = true;
  }

  heal(): void {
    this.group.fill(0);
    this.blocked.fill(0);
    this.partitioned = false;
  }
}

// Not the engine's batch: a membership message carries an update count, not useful/sent/deliver rounds.
function emptyBatch(capacity: number): MembershipMessageBatch {
  return {
    count: 0,
    from: new Uint32Array(capacity),
    to: new Uint32Array(capacity),
    kind: new Uint8Array(capacity),
    outcome: new Uint8Array(capacity),
    updates: new Uint32Array(capacity),
  };
}

function record(b: MembershipMessageBatch, from: number, to: number, kind: number, outcome: number, updates: number): void {
  if (b.count === b.from.length) doubleColumns(b);
  const i = b.count++;
  b.from[i] = from;
  b.to[i] = to;
  b.kind[i] = kind;
  b.outcome[i] = outcome;
  b.updates[i] = updates;
}
