import { versionCodec, type VersionCodec } from './versions';

/** Largest number of partition groups (group ids are stored in a Uint8Array). */
export const MAX_GROUPS = 64;

/**
 * The state of every node, struct-of-arrays. Versions are double-buffered: every node acts on
 * `cur` (the state at the start of the round) and what it learns goes to `next`, which is folded
 * back into `cur` when the round ends — the synchronous-round model of the literature.
 * Versions of node i live at `[i·keys, i·keys + keys)`.
 */
export class World {
  readonly codec: VersionCodec;
  readonly cur: Uint32Array;
  readonly next: Uint32Array;
  readonly alive: Uint8Array;
  /** `alive` as a bitset (125 KB per 10^6 nodes) for the random lookups of the hot loops. */
  readonly aliveBits: Int32Array;
  readonly group: Uint8Array;
  /** blocked[a·MAX_GROUPS + b] = 1: messages from group a to group b are dropped. */
  readonly blocked = new Uint8Array(MAX_GROUPS * MAX_GROUPS);
  /** True while any pair of groups is blocked, so the hot loops can skip the lookup. */
  partitioned = false;
  loss = 0;
  /** linkLoss[a·MAX_GROUPS + b]: extra loss on messages from group a to group b. */
  readonly linkLoss = new Float32Array(MAX_GROUPS * MAX_GROUPS);
  /** True while any link has extra loss. */
  linkLossy = false;
  /** Newest version written so far, per key. */
  readonly latest: Uint32Array;
  /**
   * Bit i set: node i's `next` versions equal `latest` for every written key, so nothing it can
   * be sent is new. 125 KB per 10^6 nodes: it stays in cache, and the hot loops decide most
   * redundant deliveries from it without touching the version arrays (measured 3-5× faster
   * than comparing versions at 10^6 nodes, where those are random accesses across megabytes).
   */
  readonly current: Int32Array;
  /** Bit i set: node i's `next` holds some version of some key (its messages carry the update). */
  readonly knows: Int32Array;
  /** `current` and `knows` as they were at the start of the round (what senders act on). */
  readonly startCurrent: Int32Array;
  readonly startKnows: Int32Array;
  /** Live nodes holding `latest[k]`, per key; maintained incrementally. */
  readonly informed: Uint32Array;
  liveCount: number;
  /** Per-node message counters for the inspector; null when not tracked (large CLI runs). */
  readonly sentCount: Uint32Array | null;
  readonly receivedCount: Uint32Array | null;
  /**
   * Who told whom (null unless traced): `informer[node·keys + key]` is the node the held
   * version came from — the node itself for its own write, -1 while it holds none — and
   * `learnedAt[…]` the round it arrived (a write's round for the writer). Written when a
   * version changes (a delivery, a write, a restart), never per message, so a traced run
   * costs one store per node that learns. The spread tree is these arrays read as parent links.
   */
  readonly informer: Int32Array | null;
  readonly learnedAt: Int32Array | null;
  /** The round under way (or just ended): what `learnedAt` records for writes and deliveries. */
  round = 0;

  constructor(readonly nodes: number, readonly keys: number, trackNodeStats: boolean, traceSpread = false) {
    this.codec = versionCodec(nodes);
    this.cur = new Uint32Array(nodes * keys);
    this.next = new Uint32Array(nodes * keys);
    this.alive = new Uint8Array(nodes).fill(1);
    this.aliveBits = new Int32Array((nodes + 31) >>> 5).fill(-1);
    this.group = new Uint8Array(nodes);
    this.latest = new Uint32Array(keys);
    this.informed = new Uint32Array(keys);
    const words = (nodes + 31) >>> 5;
    // Before any write every node trivially holds every (no) newest version and knows nothing.
    this.current = new Int32Array(words).fill(-1);
    this.knows = new Int32Array(words);
    this.startCurrent = new Int32Array(words);
    this.startKnows = new Int32Array(words);
    this.liveCount = nodes;
    this.sentCount = trackNodeStats ? new Uint32Array(nodes) : null;
    this.receivedCount = trackNodeStats ? new Uint32Array(nodes) : null;
    this.informer = traceSpread ? new Int32Array(nodes * keys).fill(-1) : null;
    this.learnedAt = traceSpread ? new Int32Array(nodes * keys).fill(-1) : null;
  }



  version(node: number, key: number): number {
    return this.cur[node * this.keys + key];
  }

  /** Snapshots the per-node bitsets that senders act on during the round. */
  beginRound(round: number): void {
    this.round = round;
    this.startCurrent.set(this.current);
    this.startKnows.set(this.knows);
  }

  /** Did the node hold any version at the start of the round (so its messages carry the update)? */
  hasPayload(node: number): boolean {
    return (this.startKnows[node >>> 5] & (1 << (node & 31))) !== 0;
  }

  /** Did `from` hold a newer version than `to` of some key at the start of the round? */
  hasNewerThan(from: number, to: number): boolean {
    // The bitsets settle most calls without touching the versions, which at 10^6 nodes are
    // random accesses across megabytes.
    if ((this.startCurrent[to >>> 5] & (1 << (to & 31))) !== 0) return false;
    if ((this.startKnows[from >>> 5] & (1 << (from & 31))) === 0) return false;
    const K = this.keys;
    for (let k = 0; k < K; k++) if (this.cur[from * K + k] > this.cur[to * K + k]) return true;
    return false;
  }

  /** Sets a node's version outside a round (writes, restarts) in both buffers. */
  setVersion(node: number, key: number, version: number): void {
    const i = node * this.keys + key;
    if (this.alive[node]) {
      if (this.cur[i] === this.latest[key] && this.cur[i] !== 0) this.informed[key]--;
      if (version === this.latest[key] && version !== 0) this.informed[key]++;
    }
    this.cur[i] = version;
    this.next[i] = version;
    if (this.informer !== null) {
      this.informer[i] = version === 0 ? -1 : node;
      this.learnedAt![i] = version === 0 ? -1 : this.round;
    }
    this.updateCurrent(node);
  }

  /** Sets a node's alive flag in both representations (counts are the caller's business). */
  setAliveFlag(node: number, alive: boolean): void {
    this.alive[node] = alive ? 1 : 0;
    if (alive) this.aliveBits[node >>> 5] |= 1 << (node & 31);
    else this.aliveBits[node >>> 5] &= ~(1 << (node & 31));
  }

  /** Rebuilds `aliveBits` from `alive` (after a restore). */
  recomputeAliveBits(): void {
    this.aliveBits.fill(0);
    for (let i = 0; i < this.nodes; i++) if (this.alive[i]) this.aliveBits[i >>> 5] |= 1 << (i & 31);
  }

  isCurrent(node: number): boolean {
    return (this.current[node >>> 5] & (1 << (node & 31))) !== 0;
  }

  /** Re-derives the node's `current` and `knows` bits from its `next` versions. */
  updateCurrent(node: number): void {
    const base = node * this.keys;
    let up = true;
    let any = false;
    for (let k = 0; k < this.keys; k++) {
      const v = this.next[base + k];
      if (v !== this.latest[k]) up = false;
      if (v !== 0) any = true;
    }
    const word = node >>> 5, bit = 1 << (node & 31);
    if (up) this.current[word] |= bit;
    else this.current[word] &= ~bit;
    if (any) this.knows[word] |= bit;
    else this.knows[word] &= ~bit;
  }

  /** Re-derives every `current` and `knows` bit (after a write made a new newest version, or a restore). */
  recomputeCurrent(): void {
    for (let i = 0; i < this.nodes; i++) this.updateCurrent(i);
  }

  /** Recounts `informed[key]` from scratch (after `latest[key]` changed). */
  recountInformed(key: number): void {
    let c = 0;
    const v = this.latest[key];
    if (v !== 0) for (let i = 0; i < this.nodes; i++) if (this.alive[i] && this.cur[i * this.keys + key] === v) c++;
    this.informed[key] = c;
  }

  /** Probability that a message from `from` to `to` is lost: global loss and link loss combined. */
  lossBetween(from: number, to: number): number {
    if (!this.linkLossy) return this.loss;
    const link = this.linkLoss[this.group[from] * MAX_GROUPS + this.group[to]];
    return 1 - (1 - this.loss) * (1 - link);
  }

  /** Clears every group, cut and link loss. */
  heal(): void {
    this.group.fill(0);
    this.blocked.fill(0);
    this.linkLoss.fill(0);
    this.partitioned = false;
    this.linkLossy = false;
  }

  /** Re-derives the `partitioned` and `linkLossy` flags from the matrices. */
  updateLinkFlags(): void {
    this.partitioned = this.blocked.some((b) => b !== 0);
    this.linkLossy = this.linkLoss.some((l) => l > 0);
  }
}
