import { copyColumns, setColumns } from '../columns';
import { BroadcastQueue, type BroadcastQueueState } from './broadcast-queue';
import { ALIVE, BYTE_MODEL, DEAD, SUSPECT, UNKNOWN, type SwimParams } from './types';
import type { ViewTable } from './view-table';

/** a is a newer 16-bit incarnation than b (RFC 1982 serial-number order). */
export const newer16 = (a: number, b: number): boolean => a !== b && ((a - b) & 0xffff) < 0x8000;
/** a is the same as or newer than b. */
export const atLeast16 = (a: number, b: number): boolean => ((a - b) & 0xffff) < 0x8000;

/** ⌈SuspicionMult × max(1, log10 n)⌉ rounds: memberlist's suspicionTimeout in whole protocol periods. */
export function suspicionRounds(suspicionMult: number, n: number): number {
  return Math.ceil(suspicionMult * Math.max(1, Math.log10(Math.max(1, n))) - 1e-9);
}

/** RetransmitMult × ⌈log10(n + 1)⌉: memberlist's retransmitLimit. */
export function retransmitLimit(retransmitMult: number, n: number): number {
  return retransmitMult * Math.ceil(Math.log10(n + 1));
}

/** memberlist's pushPullScale: the interval grows with log2 n past 32 nodes. */
export function pushPullRounds(interval: number, n: number): number {
  if (interval <= 0 || n <= 32) return interval;
  return interval * (Math.ceil(Math.log2(n) - Math.log2(32)) + 1);
}

const NEVER = 0x7fffffff;

/** Updates that fit into one UDP packet next to the header. */
export const PIGGYBACK_BUDGET = Math.floor((BYTE_MODEL.udpLimit - BYTE_MODEL.header - BYTE_MODEL.pingReqTarget) / BYTE_MODEL.swimUpdate);

/**
 * Everything SWIM nodes remember beyond the shared view table, and memberlist's rules for
 * changing it. Incarnations are stored per pair in 16 bits and compared as serial numbers
 * (exact while no observer lags a subject by 32,768 refutations); each node's own incarnation
 * is also kept in full.
 */
export class SwimState {
  readonly inc: Uint16Array;
  readonly incarnation: Uint32Array;
  readonly queue: BroadcastQueue;
  /** Per observer, the earliest round one of its suspicion timers can fire (NEVER when none). */
  readonly nextExpiry: Int32Array;
  readonly suspicionRounds: number;
  readonly n: number;

  constructor(readonly table: ViewTable, readonly params: SwimParams) {
    const n = table.n;
    this.n = n;
    this.inc = new Uint16Array(n * n);
    this.incarnation = new Uint32Array(n);
    this.nextExpiry = new Int32Array(n).fill(NEVER);
    this.queue = new BroadcastQueue(n, retransmitLimit(params.retransmitMult, n));
    this.suspicionRounds = suspicionRounds(params.suspicionMult, n);
  }

  private setState(r: number, s: number, st: number, firstHand: boolean): void {
    const i = r * this.n + s;
    if (this.table.status[i] === st) return;
    this.table.set(r, s, st, firstHand);
    this.table.touch(i);
    if (st === SUSPECT) this.nextExpiry[r] = Math.min(this.nextExpiry[r], this.table.round + this.suspicionRounds);
  }

  /** memberlist aliveNode: a higher incarnation (or a member never heard of) is alive. */
  alive(r: number, s: number, inc: number): void {
    const i = r * this.n + s;
    if (s === r) {
      if (newer16(inc, this.inc[i])) this.refute(r, inc);
      return;
    }
    if (this.table.status[i] !== UNKNOWN && !newer16(inc, this.inc[i])) return;
    this.inc[i] = inc;
    this.setState(r, s, ALIVE, false);
    this.queue.push(r, s);
  }

  /** memberlist suspectNode: only an alive member at this or a newer incarnation becomes suspect. */
  suspect(r: number, s: number, inc: number, firstHand: boolean): void {
    const i = r * this.n + s;
    const st = this.table.status[i];
    if (st === UNKNOWN || !atLeast16(inc, this.inc[i]) || st !== ALIVE) return;
    if (s === r) {
      this.refute(r, inc);
      return;
    }
    this.inc[i] = inc;
    this.setState(r, s, SUSPECT, firstHand);
    this.queue.push(r, s);
  }

  /** memberlist deadNode: a known, not yet dead member at this or a newer incarnation is dead. */
  dead(r: number, s: number, inc: number, firstHand: boolean): void {
    const i = r * this.n + s;
    const st = this.table.status[i];
    if (st === UNKNOWN || st === DEAD || !atLeast16(inc, this.inc[i])) return;
    if (s === r) {
      this.refute(r, inc);
      return;
    }
    this.inc[i] = inc;
    this.setState(r, s, DEAD, firstHand);
    this.queue.push(r, s);
  }

  /** memberlist refute: take an incarnation above the accusation and broadcast alive. */
  refute(r: number, accused: number): void {
    let next = this.incarnation[r] + 1;
    if (atLeast16(accused, next & 0xffff)) next += ((accused - (next & 0xffff)) & 0xffff) + 1;
    this.incarnation[r] = next;
    this.inc[r * this.n + r] = next & 0xffff;
    this.queue.push(r, r);
    this.table.tracker.refuted();
  }

  /** Applies one piggybacked update (state, incarnation) about `s` at `r`. */
  apply(r: number, s: number, st: number, inc: number): void {
    if (st === ALIVE) this.alive(r, s, inc);
    else if (st === SUSPECT) this.suspect(r, s, inc, false);
    else if (st === DEAD) this.dead(r, s, inc, false);
  }

  /** memberlist mergeState: a push/pull peer's dead members are only suspected here. */
  merge(r: number, status: Uint8Array, inc: Uint16Array): void {
    for (let s = 0; s < this.n; s++) {
      const st = status[s];
      if (st === ALIVE) this.alive(r, s, inc[s]);
      else if (st !== UNKNOWN) this.suspect(r, s, inc[s], false);
    }
  }

  /**
   * The suspicion timers: suspects unrefuted for `suspicionRounds` are declared dead. A row is
   * scanned only when its earliest timer is due, not every round.
   */
  expireSuspects(o: number): void {
    const n = this.n;
    const table = this.table;
    if (this.nextExpiry[o] > table.round) return;
    let next = NEVER;
    const base = o * n;
    for (let s = 0; s < n; s++) {
      const i = base + s;
      if (table.status[i] !== SUSPECT) continue;
      const age = table.age(i);
      if (age >= this.suspicionRounds) this.dead(o, s, this.inc[i], true);
      else next = Math.min(next, table.round + this.suspicionRounds - age);
    }
    this.nextExpiry[o] = next;
  }

  /** memberlist resetNodes: dead members older than GossipToTheDeadTime are forgotten. */
  pruneDead(o: number): void {
    const n = this.n;
    const table = this.table;
    if (table.rowCount[DEAD * n + o] === 0) return;
    const base = o * n;
    for (let s = 0; s < n; s++) {
      const i = base + s;
      if (table.status[i] === DEAD && table.age(i) > this.params.gossipToTheDeadTime) {
        table.set(o, s, UNKNOWN);
        table.touch(i);
        this.queue.drop(o, s);
      }
    }
  }

  /**
   * A restart (Serf rejoining from its snapshot): the node still lists the members it held
   * alive or suspect, as alive; it forgets the dead; its queue is empty; it comes back one
   * incarnation higher and announces itself. Called while the node does not count as an observer.
   */
  restart(o: number): void {
    const n = this.n;
    const table = this.table;
    const base = o * n;
    for (let s = 0; s < n; s++) {
      if (s === o) continue;
      const i = base + s;
      const st = table.status[i];
      if (st === SUSPECT) table.status[i] = ALIVE;
      else if (st === DEAD) table.status[i] = UNKNOWN;
      table.touch(i);
    }
    table.recountRow(o);
    this.nextExpiry[o] = NEVER;
    this.queue.clear(o);
    this.incarnation[o]++;
    this.inc[base + o] = this.incarnation[o] & 0xffff;
    this.queue.push(o, o);
  }

  /** The full incarnation `r` knows for `s`, from the stored 16 bits and the subject's own count. */
  fullIncarnation(r: number, s: number): number {
    const own = this.incarnation[s];
    return own - ((own - this.inc[r * this.n + s]) & 0xffff);
  }

  save(): SwimStateSnapshot {
    return { ...copyColumns(this, SAVED), queue: this.queue.save() };
  }

  load(s: SwimStateSnapshot): void {
    setColumns(this, s, SAVED);
    this.queue.load(s.queue);
  }
}

const SAVED = ['inc', 'incarnation', 'nextExpiry'] as const;

export interface SwimStateSnapshot extends Pick<SwimState, (typeof SAVED)[number]> {
  queue: BroadcastQueueState;
}
