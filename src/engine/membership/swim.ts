import type { Rng } from '../prng';
import type { MembershipNet } from './network';
import { PIGGYBACK_BUDGET, pushPullRounds, SwimState, type SwimStateSnapshot } from './swim-state';
import {
  ALIVE, BYTE_MODEL, DEAD, KIND_ACK, KIND_ACK_RELAY, KIND_GOSSIP, KIND_INDIRECT_ACK, KIND_INDIRECT_PING, KIND_PING,
  KIND_PING_REQ, KIND_PUSH_PULL, KIND_PUSH_PULL_REPLY, SUSPECT, UNKNOWN, type MembershipView, type SwimParams, VIEW_STATES,
} from './types';
import type { ViewTable } from './view-table';

/** The updates carried by one message: subject, state and incarnation, as sent. */
class Piggyback {
  readonly subject = new Uint16Array(PIGGYBACK_BUDGET);
  readonly state = new Uint8Array(PIGGYBACK_BUDGET);
  readonly inc = new Uint16Array(PIGGYBACK_BUDGET);
  count = 0;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * SWIM as memberlist runs it, one round = one protocol period:
 * 1. probe: every live node pings the next member of its shuffled round-robin list (a random
 *    affine permutation of the ids per cycle: one probe per member per cycle without an n×n
 *    list); no ack → `indirectChecks` alive members ping it on its behalf; no ack through any
 *    of them → suspect. Ping, ack and the indirect path all complete within the round
 *    (ProbeTimeout < ProbeInterval).
 * 2. gossip: every 1/gossipInterval-th of a round each node with pending updates sends them to
 *    `gossipNodes` random members (alive, suspect, or dead for less than GossipToTheDeadTime).
 * 3. push/pull (memberlist, live members only) and reconnect (Serf, failed members), each node
 *    on its own phase.
 * 4. suspicion timers.
 * Every message piggybacks the sender's pending updates (TransmitLimitedQueue order).
 */
export class SwimEngine {
  readonly state: SwimState;
  private readonly n: number;
  private readonly permA: Int32Array;
  private readonly permB: Int32Array;
  private readonly probeIdx: Int32Array;
  private readonly phase: Uint16Array;
  private readonly joinPending: Uint8Array;
  private readonly pool: Piggyback[] = [];
  private poolTop = 0;
  private readonly picks: Int32Array;
  private readonly remoteStatus: Uint8Array;
  private readonly remoteInc: Uint16Array;
  private readonly pushPullEvery: number;

  constructor(readonly table: ViewTable, private readonly net: MembershipNet, private readonly rng: Rng, readonly params: SwimParams) {
    const n = table.n;
    this.n = n;
    this.state = new SwimState(table, params);
    this.permA = new Int32Array(n);
    this.permB = new Int32Array(n);
    this.probeIdx = new Int32Array(n);
    this.phase = new Uint16Array(n);
    this.joinPending = new Uint8Array(n);
    this.picks = new Int32Array(Math.max(params.indirectChecks, params.gossipNodes, 1));
    this.remoteStatus = new Uint8Array(n);
    this.remoteInc = new Uint16Array(n);
    this.pushPullEvery = pushPullRounds(params.pushPullInterval, n);
    // Each node starts at a random place of its first cycle, as if the cluster had been running.
    for (let o = 0; o < n; o++) {
      this.shuffle(o);
      this.probeIdx[o] = rng.int(n);
      this.phase[o] = rng.int(65536);
    }
  }

  round(round: number): void {
    const n = this.n;
    const alive = this.net.alive;
    const start = this.rng.int(n);
    for (let k = 0; k < n; k++) {
      const o = start + k < n ? start + k : start + k - n;
      if (alive[o] === 0) continue;
      if (this.joinPending[o] === 1) this.join(o);
      this.probe(o);
    }
    const gi = this.params.gossipInterval;
    const ticks = gi > 0 ? Math.floor(round / gi + 1e-9) - Math.floor((round - 1) / gi + 1e-9) : 0;
    for (let t = 0; t < ticks; t++) {
      const from = this.rng.int(n);
      for (let k = 0; k < n; k++) {
        const o = from + k < n ? from + k : from + k - n;
        if (alive[o] === 1 && this.state.queue.size[o] > 0) this.gossip(o);
      }
    }
    const pp = this.pushPullEvery;
    const rc = this.params.reconnectInterval;
    for (let k = 0; k < n; k++) {
      const o = start + k < n ? start + k : start + k - n;
      if (alive[o] === 0) continue;
      if (pp > 0 && (round + this.phase[o]) % pp === 0) {
        const t = this.table.pick(o, ALIVE, this.rng);
        if (t >= 0) this.pushPull(o, t);
      }
      if (rc > 0 && (round + this.phase[o]) % rc === 0) this.reconnect(o);
    }
    for (let o = 0; o < n; o++) if (alive[o] === 1) this.state.expireSuspects(o);
  }

  /** A new random affine permutation i ↦ (a·i + b) mod n for o's next probe cycle. */
  private shuffle(o: number): void {
    const n = this.n;
    let a = 1 + this.rng.int(Math.max(1, n - 1));
    while (gcd(a, n) !== 1) a = 1 + this.rng.int(n - 1);
    this.permA[o] = a;
    this.permB[o] = this.rng.int(n);
    this.probeIdx[o] = 0;
  }

  /** memberlist probe(): the next probeable member, wrapping (prune + reshuffle) at the end of the list. */
  private probe(o: number): void {
    const n = this.n;
    const status = this.table.status;
    const base = o * n;
    if (this.params.probeSelection === 'random') {
      if (++this.probeIdx[o] >= n) {
        this.state.pruneDead(o);
        this.probeIdx[o] = 0;
      }
      const m = this.kRandom(o, 1, 1);
      if (m === 1) this.probeNode(o, this.picks[0]);
      return;
    }
    for (let checks = 0; checks <= n; checks++) {
      if (this.probeIdx[o] >= n) {
        this.state.pruneDead(o);
        this.shuffle(o);
        continue;
      }
      const s = (this.permA[o] * this.probeIdx[o] + this.permB[o]) % n;
      this.probeIdx[o]++;
      const st = status[base + s];
      if (s === o || st === DEAD || st === UNKNOWN) continue;
      this.probeNode(o, s);
      return;
    }
  }

  /** memberlist probeNode(): direct ping, then ping-req through `indirectChecks` members, then suspect. */
  private probeNode(o: number, t: number): void {
    if (this.exchange(o, t, KIND_PING, KIND_ACK, 0)) return;
    const m = this.kRandom(o, this.params.indirectChecks, 2, t);
    let ok = false;
    for (let j = 0; j < m; j++) if (this.indirect(o, this.picks[j], t)) ok = true;
    if (!ok) this.state.suspect(o, t, this.state.inc[o * this.n + t], true);
  }

  /**
   * A request and its reply, each piggybacking its sender's updates. As in memberlist's
   * compound messages the receiver answers before it applies what the request carried.
   */
  private exchange(from: number, to: number, kind: number, replyKind: number, extraBytes: number): boolean {
    const req = this.fill(from);
    let ok = false;
    if (this.send(from, to, kind, req, extraBytes)) {
      const rep = this.fill(to);
      ok = this.send(to, from, replyKind, rep, 0);
      this.deliver(to, req);
      if (ok) this.deliver(from, rep);
      this.release();
    }
    this.release();
    return ok;
  }

  /** ping-req o → m, ping m → t, ack t → m, ack relayed m → o; true when o gets the relayed ack. */
  private indirect(o: number, m: number, t: number): boolean {
    const req = this.fill(o);
    let ok = false;
    if (this.send(o, m, KIND_PING_REQ, req, BYTE_MODEL.pingReqTarget)) {
      const acked = this.exchange(m, t, KIND_INDIRECT_PING, KIND_INDIRECT_ACK, 0);
      if (acked) {
        const relay = this.fill(m);
        ok = this.send(m, o, KIND_ACK_RELAY, relay, 0);
        if (ok) this.deliver(o, relay);
        this.release();
      }
      this.deliver(m, req);
    }
    this.release();
    return ok;
  }

  /** memberlist gossip(): pending updates to `gossipNodes` random members, while there are any. */
  private gossip(o: number): void {
    const m = this.kRandom(o, this.params.gossipNodes, 3);
    for (let j = 0; j < m; j++) {
      const msg = this.fill(o);
      if (msg.count === 0) {
        this.release();
        return;
      }
      const t = this.picks[j];
      if (this.send(o, t, KIND_GOSSIP, msg, 0)) this.deliver(t, msg);
      this.release();
    }
  }

  /**
   * memberlist pushPullNode (TCP: not lost at random): both send their full state, both merge
   * the other's. True when o got the reply.
   */
  private pushPull(o: number, t: number): boolean {
    const n = this.n;
    const up = BYTE_MODEL.swimUpdate;
    const knownO = this.table.known(o);
    if (!this.net.send(o, t, KIND_PUSH_PULL, knownO, BYTE_MODEL.header + knownO * up, true)) return false;
    const tb = t * n;
    this.remoteStatus.set(this.table.status.subarray(tb, tb + n));
    this.remoteInc.set(this.state.inc.subarray(tb, tb + n));
    const knownT = this.table.known(t);
    const replied = this.net.send(t, o, KIND_PUSH_PULL_REPLY, knownT, BYTE_MODEL.header + knownT * up, true);
    const ob = o * n;
    this.state.merge(t, this.table.status.subarray(ob, ob + n), this.state.inc.subarray(ob, ob + n));
    if (replied) this.state.merge(o, this.remoteStatus, this.remoteInc);
    return replied;
  }

  /**
   * Serf's reconnect: with probability failed / alive (so the cluster as a whole tries each
   * failed member about once per interval), a push/pull with a random failed member.
   */
  private reconnect(o: number): void {
    const n = this.n;
    const rc = this.table.rowCount;
    const dead = rc[DEAD * n + o];
    const failed = dead + rc[UNKNOWN * n + o];
    if (failed === 0) return;
    const members = rc[ALIVE * n + o] + rc[SUSPECT * n + o] + 1;
    if (this.rng.float() > failed / members) return;
    const t = this.rng.int(failed) < dead ? this.table.pick(o, DEAD, this.rng) : this.table.pick(o, UNKNOWN, this.rng);
    if (t >= 0) this.pushPull(o, t);
  }

  /** A restarted node joins through a push/pull with a member it remembers, until one answers. */
  private join(o: number): void {
    const t = this.table.pick(o, ALIVE, this.rng);
    if (t < 0 || this.pushPull(o, t)) this.joinPending[o] = 0;
  }

  /**
   * memberlist kRandomNodes: up to k distinct random members passing a filter, at most 3n
   * draws. Filters: 1 = probeable (alive or suspect), 2 = alive and not `exclude`, 3 = gossip
   * target (alive, suspect, or dead within GossipToTheDeadTime). Fills `picks`.
   */
  private kRandom(o: number, k: number, filter: 1 | 2 | 3, exclude = -1): number {
    const n = this.n;
    const status = this.table.status;
    const base = o * n;
    let m = 0;
    for (let tries = 0; tries < 3 * n && m < k; tries++) {
      const s = this.rng.int(n);
      if (s === o || s === exclude) continue;
      const st = status[base + s];
      if (filter === 2 ? st !== ALIVE : filter === 1 ? st !== ALIVE && st !== SUSPECT
        : st === UNKNOWN || (st === DEAD && this.table.age(base + s) > this.params.gossipToTheDeadTime)) continue;
      let dup = false;
      for (let j = 0; j < m; j++) if (this.picks[j] === s) dup = true;
      if (!dup) this.picks[m++] = s;
    }
    return m;
  }

  /** Takes a message buffer and fills it with o's next piggybacked updates. */
  private fill(o: number): Piggyback {
    if (this.poolTop === this.pool.length) this.pool.push(new Piggyback());
    const msg = this.pool[this.poolTop++];
    msg.count = this.state.queue.take(o, msg.subject, PIGGYBACK_BUDGET);
    const base = o * this.n;
    for (let j = 0; j < msg.count; j++) {
      const s = msg.subject[j];
      msg.state[j] = this.table.status[base + s];
      msg.inc[j] = this.state.inc[base + s];
    }
    return msg;
  }

  private release(): void {
    this.poolTop--;
  }

  private send(from: number, to: number, kind: number, msg: Piggyback, extraBytes: number): boolean {
    const bytes = BYTE_MODEL.header + extraBytes + msg.count * BYTE_MODEL.swimUpdate;
    return this.net.send(from, to, kind, msg.count, bytes);
  }

  private deliver(r: number, msg: Piggyback): void {
    for (let j = 0; j < msg.count; j++) this.state.apply(r, msg.subject[j], msg.state[j], msg.inc[j]);
  }

  restart(o: number): void {
    this.state.restart(o);
    this.joinPending[o] = 1;
  }

  view(o: number, s: number): MembershipView {
    const st = this.table.status[o * this.n + s];
    if (st === UNKNOWN) return { state: 'unknown' };
    return { state: VIEW_STATES[st], incarnation: this.state.fullIncarnation(o, s) };
  }

  save(): SwimEngineSnapshot {
    return {
      state: this.state.save(),
      permA: this.permA.slice(),
      permB: this.permB.slice(),
      probeIdx: this.probeIdx.slice(),
      joinPending: this.joinPending.slice(),
    };
  }

  load(s: SwimEngineSnapshot): void {
    this.state.load(s.state);
    this.permA.set(s.permA);
    this.permB.set(s.permB);
    this.probeIdx.set(s.probeIdx);
    this.joinPending.set(s.joinPending);
  }
}

export interface SwimEngineSnapshot {
  state: SwimStateSnapshot;
  permA: Int32Array;
  permB: Int32Array;
  probeIdx: Int32Array;
  joinPending: Uint8Array;
}
