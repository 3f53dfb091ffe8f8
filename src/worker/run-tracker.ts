import type { Simulation } from '../engine/simulation';

/** One write of a key: who wrote which version, after which round. */
export interface WriteRecord {
  key: number;
  node: number;
  round: number;
  version: number;
  /** Live nodes holding this version now. */
  holders: number;
  /** Nodes that have ever held it (crashed ones included). */
  reached: number;
  /** `reached`, split by the nodes' current partition group (index = group id). */
  reachedByGroup: number[];
}

/**
 * Demers et al.'s measures of the newest version of one key, counted from the round it was
 * written: `reached` nodes other than the writer received it, on average `tAve` rounds after
 * the write and the last of them `tLast` rounds after it; `traffic` update-carrying messages
 * were sent since.
 */
export interface SpreadStats {
  key: number;
  version: number;
  since: number;
  reached: number;
  tAve: number | null;
  tLast: number | null;
  traffic: number;
}

/** Writes remembered per key (the oldest fall off): enough for any conflict a class looks at. */
export const MAX_WRITES_PER_KEY = 12;

export interface TrackerSnapshot {
  firstAt: Int32Array;
  spread: SpreadStats[];
  sumT: number[];
  writes: TrackedWrite[];
  logSeen: number;
  writesVersion: number;
}

interface TrackedWrite extends Pick<WriteRecord, 'key' | 'node' | 'round' | 'version' | 'reached'> {
  /** Bitset: bit i set once node i has held this version (n / 8 bytes in every checkpoint). */
  ever: Int32Array;
}

const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
};

/**
 * What the engine does not keep but the page reports: every write and how far it got, and
 * when each node first received the newest version of each key. O(nodes · keys) per round in
 * general; with one key (every run the page builds from its form) the newest version is followed
 * 32 nodes at a time through the world's `current` and `aliveBits` bitsets, which keeps a
 * 10^6-node round near a millisecond here instead of ~13 ms (docs/performance.md, issue 15).
 */
export class RunTracker {
  private readonly firstAt: Int32Array;
  /** One key: bit i set iff firstAt[i] ≥ 0 (the word scan's "already counted"). */
  private readonly seen: Int32Array | null;
  private readonly spread: SpreadStats[];
  private sumT: number[];
  private writes: TrackedWrite[] = [];
  private logSeen = 0;
  /** Bumped whenever the list of writes changes (the page is sent a new list only then). */
  writesVersion = 0;

  /** `bitsets`: follow a one-key run word by word (false only for the tests that compare both ways). */
  constructor(private readonly sim: Simulation, bitsets = true) {
    const { nodes, keys } = sim.world;
    this.firstAt = new Int32Array(nodes * keys).fill(-1);
    this.seen = bitsets && keys === 1 ? new Int32Array((nodes + 31) >>> 5) : null;
    this.spread = Array.from({ length: keys }, (_, key) => ({ key, version: 0, since: 0, reached: 0, tAve: null, tLast: null, traffic: 0 }));
    this.sumT = new Array<number>(keys).fill(0);
    const { origin } = sim.config;
    if (origin >= 0) this.addWrite(0, origin, 0, sim.world.version(origin, 0));
    this.afterChange();
  }

  /** Call after every step with its traffic, and after every applied action (traffic 0). */
  update(traffic = 0): void {
    for (const s of this.spread) if (s.version !== 0) s.traffic += traffic;
    this.afterChange();
  }

  private afterChange(): void {
    const { sim } = this;
    const w = sim.world;
    const log = sim.log;
    const fresh = log.slice(this.logSeen);
    this.logSeen = log.length;
    // A node written twice in one batch: the earlier write held one counter less than the later.
    fresh.forEach((entry, i) => {
      const a = entry.action;
      if (a.type !== 'write') return;
      const later = fresh.slice(i + 1).filter((e) => e.action.type === 'write' && e.action.node === a.node && e.action.key === a.key).length;
      const now = w.version(a.node, a.key);
      const version = later === 0 ? now : w.codec.pack(w.codec.counter(now) - later, a.node);
      this.addWrite(a.key, a.node, entry.round, version);
    });
    for (let k = 0; k < w.keys; k++) this.track(k);
    this.trackWrites();
  }

  private addWrite(key: number, node: number, round: number, version: number): void {
    this.writes.push({ key, node, round, version, ever: new Int32Array((this.sim.world.nodes + 31) >>> 5), reached: 0 });
    const ofKey = this.writes.filter((x) => x.key === key);
    if (ofKey.length > MAX_WRITES_PER_KEY) this.writes.splice(this.writes.indexOf(ofKey[0]), 1);
    this.writesVersion++;
  }

  private track(key: number): void {
    const w = this.sim.world, round = this.sim.round;
    const K = w.keys, latest = w.latest[key];
    const s = this.spread[key];
    if (latest !== s.version) {
      // A newer version: the clock restarts at its write, and nodes already holding it count as t = 0.
      s.version = latest;
      s.since = round;
      s.reached = 0;
      s.tAve = s.tLast = null;
      s.traffic = 0;
      this.sumT[key] = 0;
      for (let i = 0; i < w.nodes; i++) this.firstAt[i * K + key] = w.cur[i * K + key] === latest && latest !== 0 ? round : -1;
      if (this.seen) this.seenFromFirstAt();
      return;
    }
    if (latest === 0) return;
    if (this.seen) {
      this.trackWords(s, round);
      return;
    }
    for (let i = 0; i < w.nodes; i++) {
      const at = i * K + key;
      if (this.firstAt[at] >= 0 || w.alive[i] === 0 || w.cur[at] !== latest) continue;
      this.firstAt[at] = round;
      const t = round - s.since;
      s.reached++;
      this.sumT[key] += t;
      s.tLast = t;
    }
    s.tAve = s.reached > 0 ? this.sumT[key] / s.reached : null;
  }

  /**
   * One key: the live nodes holding the newest version not yet counted are
   * `current & aliveBits & ~seen`, 32 at a time (`current` is exact for one written key).
   */
  private trackWords(s: SpreadStats, round: number): void {
    const w = this.sim.world, seen = this.seen!, cur = w.current, alive = w.aliveBits, firstAt = this.firstAt;
    const words = seen.length, tail = w.nodes & 31;
    const t = round - s.since;
    for (let j = 0; j < words; j++) {
      let fresh = cur[j] & alive[j] & ~seen[j];
      if (j === words - 1 && tail !== 0) fresh &= (1 << tail) - 1;
      if (fresh === 0) continue;
      seen[j] |= fresh;
      const count = popcount(fresh);
      s.reached += count;
      this.sumT[0] += t * count;
      s.tLast = t;
      while (fresh !== 0) {
        const b = 31 - Math.clz32(fresh & -fresh);
        firstAt[(j << 5) + b] = round;
        fresh &= fresh - 1;
      }
    }
    s.tAve = s.reached > 0 ? this.sumT[0] / s.reached : null;
  }

  private seenFromFirstAt(): void {
    const seen = this.seen!;
    seen.fill(0);
    for (let i = 0; i < this.firstAt.length; i++) if (this.firstAt[i] >= 0) seen[i >>> 5] |= 1 << (i & 31);
  }

  private trackWrites(): void {
    const w = this.sim.world, K = w.keys;
    for (const x of this.writes) {
      const ever = x.ever;
      if (this.seen && x.version === w.latest[x.key] && x.version !== 0) {
        // The newest version of the one key: its holders are the `current` bitset.
        const tail = w.nodes & 31, words = ever.length;
        for (let j = 0; j < words; j++) {
          let fresh = w.current[j] & ~ever[j];
          if (j === words - 1 && tail !== 0) fresh &= (1 << tail) - 1;
          if (fresh === 0) continue;
          ever[j] |= fresh;
          x.reached += popcount(fresh);
        }
        continue;
      }
      for (let i = 0; i < w.nodes; i++) {
        const bit = 1 << (i & 31);
        if ((ever[i >>> 5] & bit) === 0 && w.cur[i * K + x.key] === x.version) {
          ever[i >>> 5] |= bit;
          x.reached++;
        }
      }
    }
  }

  /** Everything the tracker has learned, for the timeline's checkpoints (time travel). */
  snapshot(): TrackerSnapshot {
    return {
      firstAt: this.firstAt.slice(),
      spread: this.spread.map((s) => ({ ...s })),
      sumT: [...this.sumT],
      writes: this.writes.map((x) => ({ ...x, ever: x.ever.slice() })),
      logSeen: this.logSeen,
      writesVersion: this.writesVersion,
    };
  }

  /** Returns to a snapshot of this same run (taken together with the simulation's). */
  restore(s: TrackerSnapshot): void {
    this.firstAt.set(s.firstAt);
    s.spread.forEach((x, k) => Object.assign(this.spread[k], x));
    this.sumT = [...s.sumT];
    this.writes = s.writes.map((x) => ({ ...x, ever: x.ever.slice() }));
    this.logSeen = s.logSeen;
    this.writesVersion = s.writesVersion;
    if (this.seen) this.seenFromFirstAt();
  }

  spreadStats(): SpreadStats[] {
    return this.spread.map((s) => ({ ...s }));
  }

  /** The writes with their current holders and reach (per group while partitioned). */
  writeRecords(): WriteRecord[] {
    const w = this.sim.world, K = w.keys;
    let groups = 1;
    if (w.partitioned) for (let i = 0; i < w.nodes; i++) groups = Math.max(groups, w.group[i] + 1);
    return this.writes.map((x) => {
      // The newest version's live holders are counted by the world already (`informed`).
      const newest = x.version !== 0 && x.version === w.latest[x.key];
      let holders = newest ? w.informed[x.key] : 0;
      const reachedByGroup = new Array<number>(groups).fill(0);
      if (groups === 1) reachedByGroup[0] = x.reached;
      if (!newest || groups > 1) {
        for (let i = 0; i < w.nodes; i++) {
          if (!newest && w.alive[i] && w.cur[i * K + x.key] === x.version) holders++;
          if (groups > 1 && (x.ever[i >>> 5] & (1 << (i & 31))) !== 0) reachedByGroup[w.group[i]]++;
        }
      }
      return { key: x.key, node: x.node, round: x.round, version: x.version, holders, reached: x.reached, reachedByGroup };
    });
  }
}
