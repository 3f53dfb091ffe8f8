import type { Rng } from './prng';
import { MAX_GROUPS, type World } from './world';
import {
  OUTCOME_DEAD, OUTCOME_DELIVERED, OUTCOME_LOST, OUTCOME_PARTITION,
  type MessageBatch, type RoundMetrics,
} from './types';

/**
 * The network of one synchronous round: protocols call `send`, which decides the message's
 * fate (partition, dead target, loss — in that order), counts it, merges its payload into the
 * receiver's next state and, when recording, logs it for the animation. `finish` folds the
 * round's changes into the start-of-round buffer.
 */
export class RoundNet {
  sent = 0;
  delivered = 0;
  droppedLoss = 0;
  droppedPartition = 0;
  droppedDead = 0;
  redundant = 0;
  traffic = 0;
  readonly newlyInformed: Uint32Array;
  /** Nodes whose `next` differs from `cur`; past capacity the whole buffer is copied instead. */
  private readonly dirty: Uint32Array;
  private dirtyCount = 0;
  private dirtyOverflow = false;
  readonly messages: MessageBatch | null;

  constructor(private readonly world: World, private readonly rng: Rng, recordMessages: boolean) {
    this.newlyInformed = new Uint32Array(world.keys);
    this.dirty = new Uint32Array(Math.max(16, Math.ceil(world.nodes / 8)));
    this.messages = recordMessages ? emptyBatch(1024) : null;
  }

  begin(): void {
    this.sent = this.delivered = this.droppedLoss = this.droppedPartition = this.droppedDead = 0;
    this.redundant = this.traffic = 0;
    this.newlyInformed.fill(0);
    if (this.messages) this.messages.count = 0;
    this.world.beginRound();
  }

  /**
   * Sends one message; with `payload`, it carries the sender's start-of-round versions (the
   * caller knows the sender holds some). Returns true when the message was delivered.
   */
  send(from: number, to: number, kind: number, payload: boolean): boolean {
    const w = this.world;
    this.sent++;
    if (payload) this.traffic++;
    if (w.sentCount) w.sentCount[from]++;
    let outcome = OUTCOME_DELIVERED;
    if (w.partitioned && w.blocked[w.group[from] * MAX_GROUPS + w.group[to]] !== 0) outcome = OUTCOME_PARTITION;
    else if ((w.aliveBits[to >>> 5] & (1 << (to & 31))) === 0) outcome = OUTCOME_DEAD;
    else if (w.loss > 0 && this.rng.chance(w.loss)) outcome = OUTCOME_LOST;
    let useful = false;
    if (outcome === OUTCOME_DELIVERED) {
      this.delivered++;
      if (w.receivedCount) w.receivedCount[to]++;
      if (payload) {
        // A receiver that already holds every newest version cannot learn anything.
        useful = (w.current[to >>> 5] & (1 << (to & 31))) === 0 && this.merge(from, to);
        if (!useful) this.redundant++;
      }
    } else if (outcome === OUTCOME_PARTITION) this.droppedPartition++;
    else if (outcome === OUTCOME_DEAD) this.droppedDead++;
    else this.droppedLoss++;
    if (this.messages) record(this.messages, from, to, kind, outcome, useful);
    return outcome === OUTCOME_DELIVERED;
  }

  /** Keeps the higher version of every key at `to`; true if anything changed. */
  merge(from: number, to: number): boolean {
    const w = this.world;
    const K = w.keys;
    const cur = w.cur, next = w.next;
    const src = from * K, dst = to * K;
    let changed = false;
    for (let k = 0; k < K; k++) {
      const incoming = cur[src + k];
      const old = next[dst + k];
      if (incoming <= old) continue;
      if (!changed) this.markDirty(to);
      changed = true;
      next[dst + k] = incoming;
      if (old === 0) this.newlyInformed[k]++;
      // `old` < `incoming` ≤ latest, so the node can only have just reached the newest version.
      if (incoming === w.latest[k]) w.informed[k]++;
    }
    if (changed) w.updateCurrent(to);
    return changed;
  }

  private markDirty(node: number): void {
    if (this.dirtyOverflow) return;
    const w = this.world;
    const K = w.keys;
    for (let k = 0; k < K; k++) if (w.next[node * K + k] !== w.cur[node * K + k]) return; // already listed
    if (this.dirtyCount === this.dirty.length) this.dirtyOverflow = true;
    else this.dirty[this.dirtyCount++] = node;
  }

  /** Ends the round: what nodes learned becomes their start-of-round state for the next one. */
  finish(round: number): RoundMetrics {
    const w = this.world;
    if (this.dirtyOverflow) w.cur.set(w.next);
    else {
      const K = w.keys;
      for (let i = 0; i < this.dirtyCount; i++) {
        const base = this.dirty[i] * K;
        for (let k = 0; k < K; k++) w.cur[base + k] = w.next[base + k];
      }
    }
    this.dirtyCount = 0;
    this.dirtyOverflow = false;
    return {
      round,
      live: w.liveCount,
      sent: this.sent,
      delivered: this.delivered,
      droppedLoss: this.droppedLoss,
      droppedPartition: this.droppedPartition,
      droppedDead: this.droppedDead,
      redundant: this.redundant,
      traffic: this.traffic,
      informed: Array.from(w.informed),
      newlyInformed: Array.from(this.newlyInformed),
    };
  }
}

export function emptyBatch(capacity: number): MessageBatch {
  return {
    count: 0,
    from: new Uint32Array(capacity),
    to: new Uint32Array(capacity),
    kind: new Uint8Array(capacity),
    outcome: new Uint8Array(capacity),
    useful: new Uint8Array(capacity),
  };
}

function record(b: MessageBatch, from: number, to: number, kind: number, outcome: number, useful: boolean): void {
  if (b.count === b.from.length) {
    const bigger = emptyBatch(b.count * 2);
    bigger.from.set(b.from);
    bigger.to.set(b.to);
    bigger.kind.set(b.kind);
    bigger.outcome.set(b.outcome);
    bigger.useful.set(b.useful);
    Object.assign(b, { from: bigger.from, to: bigger.to, kind: bigger.kind, outcome: bigger.outcome, useful: bigger.useful });
  }
  const i = b.count++;
  b.from[i] = from;
  b.to[i] = to;
  b.kind[i] = kind;
  b.outcome[i] = outcome;
  b.useful[i] = useful ? 1 : 0;
}
