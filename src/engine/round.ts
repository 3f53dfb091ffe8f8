import { doubleColumns } from './columns';
import { InFlight } from './in-flight';
import type { LoadCounter } from './load';
import type { Rng } from './prng';
import { MAX_GROUPS, type World } from './world';
import {
  OUTCOME_DEAD, OUTCOME_DELIVERED, OUTCOME_LOST, OUTCOME_PARTITION,
  type DelaySpec, type MessageBatch,
} from './types';

/** A message's key mask that carries every key (keys ≤ 8). */
const ALL_KEYS = 0xff;

/** Called for every message that reaches a live node, after its payload was merged. */
export type ReceiveHook = (from: number, to: number, kind: number, src: Uint32Array, off: number, mask: number) => void;

/**
 * The network of a run. Protocols call `send`; the network decides the message's fate when it
 * is sent (partition, dead target, loss — in that order, so nothing ever crosses a cut in its
 * blocked direction), draws its delay, and delivers it now (delay 1) or in a later round. On
 * delivery the payload is merged into the receiver's `next` versions (keeping the higher
 * version of every carried key) and the run's receive hook lets the protocol answer. Counters
 * are per round; `finishRound` folds what nodes learned into their start-of-round state.
 */
export class RoundNet {
  round = 0;
  sent = 0;
  delivered = 0;
  droppedLoss = 0;
  droppedPartition = 0;
  droppedDead = 0;
  redundant = 0;
  traffic = 0;
  readonly newlyInformed: Uint32Array;
  receive: ReceiveHook | null = null;
  /** Called when a node learns a newer version of a key (rumor mongering makes it infective). */
  onLearn: ((node: number, key: number) => void) | null = null;
  readonly inFlight: InFlight;
  readonly messages: MessageBatch | null;
  /** Messages per sender, when the run measures its busiest node's load. */
  load: LoadCounter | null = null;
  /** Nodes whose `next` differs from `cur`; past capacity the whole buffer is copied instead. */
  private readonly dirty: Uint32Array;
  private dirtyCount = 0;
  private dirtyOverflow = false;
  /** Set by the fast round: versions learned from the `current` bits are still to be written. */
  private latestPending = false;

  /** The delay new messages draw from; a `setDelay` action changes it, messages on their way keep theirs. */
  delay: DelaySpec;

  constructor(private readonly world: World, private readonly rng: Rng, recordMessages: boolean, delay: DelaySpec) {
    this.delay = delay;
    this.newlyInformed = new Uint32Array(world.keys);
    this.dirty = new Uint32Array(Math.max(16, Math.ceil(world.nodes / 8)));
    this.messages = recordMessages ? emptyBatch(1024) : null;
    this.inFlight = new InFlight(world.keys);
  }

  /** True when every message arrives in the round it is sent (the synchronous model). */
  get synchronous(): boolean {
    return this.delay.kind === 'fixed' && this.delay.rounds === 1;
  }

  begin(round: number): void {
    this.round = round;
    this.sent = this.delivered = this.droppedLoss = this.droppedPartition = this.droppedDead = 0;
    this.redundant = this.traffic = 0;
    this.newlyInformed.fill(0);
    if (this.messages) this.messages.count = 0;
    this.load?.begin();
    this.world.beginRound(round);
  }

  /** Delivers the delayed messages that arrive in this round, in the order they were sent. */
  deliverDue(): void {
    const due = this.inFlight.take(this.round);
    if (!due) return;
    const K = this.world.keys;
    for (let i = 0; i < due.count; i++) {
      this.deliver(due.from[i], due.to[i], due.kind[i], due.payload[i] === 1, due.mask[i], due.versions, i * K, due.sentRound[i], false);
    }
    this.inFlight.release(due);
  }

  /**
   * Sends one message. With `payload` it carries the sender's start-of-round versions of the
   * keys in `mask`, to be merged at the receiver. Returns true when it was delivered at once.
   */
  send(from: number, to: number, kind: number, payload: boolean, mask: number = ALL_KEYS): boolean {
    const w = this.world;
    this.sent++;
    if (payload) this.traffic++;
    if (w.sentCount) w.sentCount[from]++;
    if (this.load !== null) this.load.sent(from);
    let outcome = OUTCOME_DELIVERED;
    if (w.partitioned && w.blocked[w.group[from] * MAX_GROUPS + w.group[to]] !== 0) outcome = OUTCOME_PARTITION;
    else if ((w.aliveBits[to >>> 5] & (1 << (to & 31))) === 0) outcome = OUTCOME_DEAD;
    else if (this.rng.chance(w.lossBetween(from, to))) outcome = OUTCOME_LOST;
    if (outcome !== OUTCOME_DELIVERED) {
      if (outcome === OUTCOME_PARTITION) this.droppedPartition++;
      else if (outcome === OUTCOME_DEAD) this.droppedDead++;
      else this.droppedLoss++;
      if (this.messages) record(this.messages, from, to, kind, outcome, false, this.round, this.round);
      return false;
    }
    const d = this.drawDelay();
    if (d === 1) {
      this.deliver(from, to, kind, payload, mask, w.cur, from * w.keys, this.round, true);
      return true;
    }
    const arrival = this.round + d - 1;
    this.inFlight.add(arrival, from, to, kind, mask, payload, this.round, w.cur, from * w.keys);
    if (this.messages) record(this.messages, from, to, kind, OUTCOME_DELIVERED, false, this.round, arrival);
    return false;
  }

  private deliver(from: number, to: number, kind: number, payload: boolean, mask: number, src: Uint32Array, off: number, sentRound: number, now: boolean): void {
    const w = this.world;
    if ((w.aliveBits[to >>> 5] & (1 << (to & 31))) === 0) {
      // Only a delayed message can find its receiver crashed: it was alive when it was sent.
      this.droppedDead++;
      if (this.messages) record(this.messages, from, to, kind, OUTCOME_DEAD, false, sentRound, this.round);
      return;
    }
    this.delivered++;
    if (w.receivedCount) w.receivedCount[to]++;
    let useful = false;
    if (payload) {
      // A receiver that already holds every newest version cannot learn anything.
      useful = (w.current[to >>> 5] & (1 << (to & 31))) === 0 && this.mergeFrom(src, off, from, to, mask);
      if (!useful) this.redundant++;
    }
    if (now && this.messages) record(this.messages, from, to, kind, OUTCOME_DELIVERED, useful, sentRound, this.round);
    if (this.receive) this.receive(from, to, kind, src, off, mask);
  }

  /** Delay of one message in rounds (≥ 1); draws from the PRNG only when it is random. */
  private drawDelay(): number {
    const d = this.delay;
    if (d.kind === 'fixed') return d.rounds;
    if (d.kind === 'uniform') return d.max > d.min ? d.min + this.rng.int(d.max - d.min + 1) : d.min;
    if (d.mean <= 1) return 1;
    // Geometric on 1, 2, … with mean `mean`: the discrete exponential.
    const q = 1 / d.mean;
    return 1 + Math.floor(Math.log(1 - this.rng.float()) / Math.log(1 - q));
  }

  /** Does `node` hold a newer version of some key than the digest `src[off…]` sent by `from`? */
  newerThan(node: number, src: Uint32Array, off: number, from: number): boolean {
    const w = this.world;
    if (src === w.cur) return w.hasNewerThan(node, from);
    const K = w.keys;
    for (let k = 0; k < K; k++) if (w.cur[node * K + k] > src[off + k]) return true;
    return false;
  }

  /** Keeps the higher version of every key at `to` (synchronous push from `from`); true if anything changed. */
  merge(from: number, to: number): boolean {
    return this.mergeFrom(this.world.cur, from * this.world.keys, from, to, ALL_KEYS);
  }

  private mergeFrom(src: Uint32Array, off: number, from: number, to: number, mask: number): boolean {
    const w = this.world;
    const K = w.keys;
    const next = w.next;
    const informer = w.informer;
    const dst = to * K;
    let changed = false;
    for (let k = 0; k < K; k++) {
      if ((mask & (1 << k)) === 0) continue;
      const incoming = src[off + k];
      const old = next[dst + k];
      if (incoming <= old) continue;
      if (!changed) this.markDirty(to);
      changed = true;
      next[dst + k] = incoming;
      if (informer !== null) {
        // The first sender of the version kept wins: a later copy of it changes nothing here.
        informer[dst + k] = from;
        w.learnedAt![dst + k] = this.round;
      }
      if (old === 0) this.newlyInformed[k]++;
      // `old` < `incoming` ≤ latest, so the node can only have just reached the newest version.
      if (incoming === w.latest[k]) w.informed[k]++;
      if (this.onLearn) this.onLearn(to, k);
    }
    if (changed) w.updateCurrent(to);
    return changed;
  }

  /**
   * One key: the fast round has set the `current` bit of every node that learned the newest
   * version this round, without writing the version itself; `finishRound` writes it, into
   * `next` and `cur` at once, walking the bitset in node order rather than hitting the version
   * arrays at random per message. Until then nobody reads those versions: a node whose
   * `current` bit is set is never merged into, and senders read `cur`, the start of the round.
   */
  deferLatest(): void {
    this.latestPending = true;
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
  finishRound(): void {
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
    if (this.latestPending) writeLatest(w.current, w.startCurrent, w.cur, w.next, w.latest[0], w.learnedAt, this.round);
    this.latestPending = false;
  }
}

/**
 * One key: cur = next = latest for every node that became current this round (and, traced, the
 * round it learned it: the fast loops store only the sender, in the loop).
 */
function writeLatest(current: Int32Array, startCurrent: Int32Array, cur: Uint32Array, next: Uint32Array, latest: number, learnedAt: Int32Array | null, round: number): void {
  for (let wd = 0; wd < current.length; wd++) {
    let m = current[wd] & ~startCurrent[wd];
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const node = (wd << 5) | (31 - Math.clz32(low));
      cur[node] = latest;
      next[node] = latest;
      if (learnedAt !== null) learnedAt[node] = round;
    }
  }
}

function emptyBatch(capacity: number): MessageBatch {
  return {
    count: 0,
    from: new Uint32Array(capacity),
    to: new Uint32Array(capacity),
    kind: new Uint8Array(capacity),
    outcome: new Uint8Array(capacity),
    useful: new Uint8Array(capacity),
    sentRound: new Uint32Array(capacity),
    deliverRound: new Uint32Array(capacity),
  };
}

function record(b: MessageBatch, from: number, to: number, kind: number, outcome: number, useful: boolean, sentRound: number, deliverRound: number): void {
  if (b.count === b.from.length) doubleColumns(b);
  const i = b.count++;
  b.from[i] = from;
  b.to[i] = to;
  b.kind[i] = kind;
  b.outcome[i] = outcome;
  b.useful[i] = useful ? 1 : 0;
  b.sentRound[i] = sentRound;
  b.deliverRound[i] = deliverRound;
}
