import type { Rng } from '../prng';
import type { MembershipNet } from './network';
import { ArrivalStats, phiValue, PHI_FACTOR } from './phi';
import {
  ALIVE, BYTE_MODEL, DEAD, KIND_ACK1, KIND_ACK2, KIND_ECHO, KIND_ECHO_REPLY, KIND_SYN, UNKNOWN,
  type HeartbeatParams, type MembershipView,
} from './types';
import type { ViewTable } from './view-table';

/**
 * Gossip-style failure detection as Cassandra's Gossiper runs it, one round = one gossip
 * interval. In the view table ALIVE is "up", DEAD is "down", UNKNOWN is "not a member (forgotten)".
 *
 * A heartbeat (generation, version) is stored as one serial number per subject: the subject's
 * own counter, bumped every round it is up and once more on every restart. The generation
 * starting points are kept per subject, so (generation, version) is recovered exactly, and
 * ordering by serial is Cassandra's ordering (newer generation first, then higher version).
 * -1 means "no heartbeat": a saved endpoint after a restart, to which anything is news.
 *
 * Each round every live node, in a random rotation: bumps its own version; gossips a SYN to a
 * random up member, maybe to a down one (probability down / (up + 1)), maybe to a seed (always
 * when the first target was not a seed or it sees fewer up members than seeds, with Cassandra's
 * probability seeds / (up + down)); then checks every member's heartbeat (T_fail or phi).
 */
export class HeartbeatEngine {
  readonly hb: Int32Array;
  readonly serial: Int32Array;
  genStarts: number[][];
  readonly stats: ArrivalStats | null;
  private readonly n: number;
  private readonly isSeed: Uint8Array;
  private readonly seeds: number[];
  private readonly req: Int32Array;
  private readonly give: Int32Array;

  constructor(readonly table: ViewTable, private readonly net: MembershipNet, private readonly rng: Rng, readonly params: HeartbeatParams) {
    const n = table.n;
    this.n = n;
    this.hb = new Int32Array(n * n);
    this.serial = new Int32Array(n);
    this.genStarts = Array.from({ length: n }, () => [0]);
    this.stats = params.phi ? new ArrivalStats(n * n) : null;
    this.seeds = [...params.seeds];
    this.isSeed = new Uint8Array(n);
    for (const s of this.seeds) this.isSeed[s] = 1;
    this.req = new Int32Array(n);
    this.give = new Int32Array(n);
  }

  round(): void {
    const n = this.n;
    const alive = this.net.alive;
    const start = this.rng.int(n);
    for (let k = 0; k < n; k++) {
      const o = start + k < n ? start + k : start + k - n;
      if (alive[o] === 0) continue;
      this.hb[o * n + o] = ++this.serial[o];
      this.gossip(o);
      this.statusCheck(o);
    }
  }

  /** Cassandra Gossiper.run: a live member, maybe an unreachable one, maybe a seed. */
  private gossip(o: number): void {
    const n = this.n;
    const rc = this.table.rowCount;
    const live = rc[ALIVE * n + o];
    const down = rc[DEAD * n + o];
    let gossipedToSeed = false;
    if (live > 0) {
      const t = this.table.pick(o, ALIVE, this.rng);
      this.exchange(o, t);
      gossipedToSeed = this.isSeed[t] === 1;
    }
    if (down > 0 && this.rng.float() < down / (live + 1)) {
      const t = this.table.pick(o, DEAD, this.rng);
      if (t >= 0) this.exchange(o, t);
    }
    const seeds = this.seeds.length - this.isSeed[o];
    if (seeds > 0 && (!gossipedToSeed || live < seeds)) {
      if (live === 0 || this.rng.float() <= seeds / (live + down)) {
        let j = this.rng.int(seeds);
        for (const s of this.seeds) {
          if (s === o) continue;
          if (j-- === 0) {
            this.exchange(o, s);
            break;
          }
        }
      }
    }
  }

  /**
   * SYN (o's digests of every member it knows) → ACK (t's newer states, and requests for what o
   * has newer) → ACK2 (the requested states); each message can be lost.
   */
  exchange(o: number, t: number): void {
    const n = this.n;
    const { header, digest, endpointState } = BYTE_MODEL;
    const status = this.table.status;
    const hb = this.hb;
    const knownO = this.table.known(o);
    if (!this.net.send(o, t, KIND_SYN, knownO, header + knownO * digest)) return;
    const ob = o * n, tb = t * n;
    const req = this.req, give = this.give;
    let r = 0, g = 0;
    // o's own entry is always ALIVE, so "o knows s" is simply status !== UNKNOWN.
    for (let s = 0; s < n; s++) {
      if (status[ob + s] === UNKNOWN) continue;
      const ho = hb[ob + s], ht = hb[tb + s];
      if (ho > ht) req[r++] = s;
      else if (ho < ht && status[tb + s] !== UNKNOWN) give[g++] = s;
    }
    if (!this.net.send(t, o, KIND_ACK1, r + g, header + r * digest + g * endpointState)) return;
    for (let j = 0; j < g; j++) this.applyState(o, give[j], hb[tb + give[j]]);
    if (!this.net.send(o, t, KIND_ACK2, r, header + r * endpointState)) return;
    for (let j = 0; j < r; j++) this.applyState(t, req[j], hb[ob + req[j]]);
  }

  /**
   * Gossiper.applyStateLocally for a heartbeat-only state: a newer heartbeat is recorded and
   * reported to the failure detector; a member that is down, new, or on a new generation is
   * marked up only after an ECHO round trip (Cassandra's markAlive). Unlike Cassandra, a stale
   * state never triggers the echo: without application states it would only make members flap.
   */
  private applyState(r: number, s: number, h: number): void {
    if (s === r) return;
    const i = r * this.n + s;
    const cur = this.hb[i];
    if (h <= cur) return;
    const table = this.table;
    const st = table.status[i];
    const age = (table.round - table.stamp[i]) & 0xffff;
    this.hb[i] = h;
    table.stamp[i] = table.round & 0xffff;
    if (this.stats) {
      if (st === UNKNOWN || this.stats.count[i] === 0) this.stats.first(i);
      else if (age > 0) this.stats.arrival(i, age);
    }
    // The common case, an up member's next version: a single generation cannot change.
    if (st === ALIVE && (this.genStarts[s].length === 1 || this.generationOf(s, h) === this.generationOf(s, cur))) return;
    // A down member already echoed this round (and failed, or it would be up) is not asked again.
    if (st === DEAD && age === 0) return;
    const ok = this.net.send(r, s, KIND_ECHO, 0, BYTE_MODEL.header) && this.net.send(s, r, KIND_ECHO_REPLY, 0, BYTE_MODEL.header);
    this.table.set(r, s, ok ? ALIVE : DEAD, !ok);
  }

  /** doStatusCheck: convict members whose heartbeat stalled; forget long-down ones. */
  private statusCheck(o: number): void {
    const n = this.n;
    const { tFail, tCleanup, phiConvictThreshold } = this.params;
    const table = this.table;
    const status = table.status;
    const stats = this.stats;
    const base = o * n;
    const stamp = table.stamp;
    const now = table.round;
    for (let s = 0; s < n; s++) {
      const i = base + s;
      const st = status[i];
      if (s === o || st === UNKNOWN) continue;
      const age = (now - stamp[i]) & 0xffff;
      if (st === ALIVE) {
        if (stats ? (PHI_FACTOR * age) / stats.mean[i] > phiConvictThreshold : age >= tFail) table.set(o, s, DEAD, true);
      } else if (tCleanup > 0 && age >= tCleanup) {
        table.set(o, s, UNKNOWN);
      }
    }
  }

  /** Generation (1-based) that heartbeat serial `h` of `s` belongs to; 0 for "none". */
  generationOf(s: number, h: number): number {
    if (h < 0) return 0;
    const starts = this.genStarts[s];
    let g = starts.length;
    while (g > 1 && starts[g - 1] > h) g--;
    return g;
  }

  /**
   * A restart: a new generation, and the other members reloaded as saved endpoints (down,
   * no heartbeat), as Cassandra does from its peers table. Called while the node does not count
   * as an observer.
   */
  restart(o: number): void {
    const n = this.n;
    const base = o * n;
    this.serial[o]++;
    this.genStarts[o].push(this.serial[o]);
    for (let s = 0; s < n; s++) {
      const i = base + s;
      this.table.touch(i);
      if (s === o) {
        this.hb[i] = this.serial[o];
        continue;
      }
      this.hb[i] = -1;
      this.table.status[i] = DEAD;
      if (this.stats) this.stats.count[i] = 0;
    }
    this.table.recountRow(o);
  }

  view(o: number, s: number): MembershipView {
    const i = o * this.n + s;
    const st = this.table.status[i];
    if (st === UNKNOWN) return { state: 'unknown' };
    // A node's own heartbeat advances every round it is up.
    const lastAdvanced = s === o && this.net.alive[o] === 1 ? this.table.round : this.table.round - this.table.age(i);
    const v: MembershipView = { state: st === ALIVE ? 'alive' : 'dead', lastAdvanced };
    const h = this.hb[i];
    if (h >= 0) {
      const g = this.generationOf(s, h);
      v.heartbeat = [g, h - this.genStarts[s][g - 1]];
    }
    if (this.stats && s !== o) v.phi = phiValue(this.table.age(i), this.stats.mean[i]);
    return v;
  }

  save(): HeartbeatSnapshot {
    return {
      hb: this.hb.slice(),
      serial: this.serial.slice(),
      genStarts: this.genStarts.map((g) => g.slice()),
      mean: this.stats?.mean.slice() ?? null,
      count: this.stats?.count.slice() ?? null,
    };
  }

  load(s: HeartbeatSnapshot): void {
    this.hb.set(s.hb);
    this.serial.set(s.serial);
    this.genStarts = s.genStarts.map((g) => g.slice());
    if (this.stats && s.mean && s.count) {
      this.stats.mean.set(s.mean);
      this.stats.count.set(s.count);
    }
  }
}

export interface HeartbeatSnapshot {
  hb: Int32Array;
  serial: Int32Array;
  genStarts: number[][];
  mean: Float32Array | null;
  count: Uint16Array | null;
}
