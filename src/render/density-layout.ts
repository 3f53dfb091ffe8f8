import type { TopologyName } from '../engine/types';
import { boundsOf, type Bounds, type Positions } from './geometry';
import { SPACING, bfsOrder, emptyPositions, lattice, phyllotaxis } from './initial-layout';

/**
 * Where the density view puts a million nodes, deterministically and in O(n) — no force layout
 * (the layout worker is never asked for this many). Each layout shows the spread as it
 * happens on that graph:
 *
 * - ring: an annulus in id order, so the informed arc grows around it;
 * - grid: the engine's own lattice (⌈√n⌉ columns, row by row), so the update spreads as a diamond;
 * - random: a disc ordered like the complete graph's below, with the nodes that do not hold the
 *   newest version yet in breadth-first order from where it started (hop distance): on a random
 *   graph of small diameter almost every node is 6–9 hops out, and within those rings when a node
 *   hears of it is all but random, so hop distance alone shows no wave (we tried: a uniform fog);
 * - complete: every node is one hop from every other, so hop distance says nothing; the disc is
 *   ordered by when a node first held the newest version (ties by id) — the k-th node to learn it
 *   takes spot k — so the informed nodes are a disc that grows with the count, a wave whose
 *   radius is √informed. Nodes that do not hold it yet start in the outer spots in id order, and
 *   one that learns it swaps places with the node in its spot (no one else moves).
 *
 * Nodes live in "spots" (fixed points) and `spotOf[node]` says which; only the complete and random graphs'
 * assignment changes while a run plays (`LearningOrder.follow`).
 */

/** The ring's band: inner radius as a share of the outer one. */
const RING_INNER = 0.8;

export interface DensityLayout {
  readonly n: number;
  readonly topology: TopologyName;
  /** The fixed spots, world units (spot k of a disc is the sunflower's k-th seed). */
  readonly spotX: Float32Array;
  readonly spotY: Float32Array;
  /** spotOf[node]: the spot the node sits in. */
  readonly spotOf: Uint32Array;
  /** nodeAt[spot]: the node sitting in it (the inverse of spotOf). */
  readonly nodeAt: Uint32Array;
  readonly bounds: Bounds;
  /** Bumped whenever `spotOf` changes. */
  version: number;
}

/** The ring: node i at angle 2πi/n from the top, clockwise, its radius spread over the band by the golden ratio (no two neighbours on one line). */
function ringSpots(n: number): Positions {
  // The band's area is n spots of SPACING² each: the same density as the discs.
  const outer = SPACING * Math.sqrt(n / (Math.PI * (1 - RING_INNER * RING_INNER)));
  const p = emptyPositions(n);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    const r = outer * (RING_INNER + (1 - RING_INNER) * ((i * phi) % 1));
    p.x[i] = r * Math.cos(a);
    p.y[i] = r * Math.sin(a);
  }
  return p;
}

/**
 * The layout of a graph for the density view. `sources` are the nodes the update starts from
 * (the holders of the newest version in the first frame), used by the random graph's hop order.
 */
export function densityLayout(
  n: number, topology: TopologyName, offsets: Uint32Array | null, neighbors: Uint32Array | null, sources: readonly number[],
): DensityLayout {
  // Spot k of the disc is the sunflower's k-th seed, at radius SPACING·√(k + ½); the grid's spots are SPACING apart.
  const spots = topology === 'ring' ? ringSpots(n) : topology === 'grid' ? lattice(n, SPACING) : phyllotaxis(n);
  // A random graph's spots in breadth-first order from the sources (unreached components last); the others in id order.
  const nodeAt = topology === 'random' && offsets && neighbors ? bfsOrder(n, offsets, neighbors, sources) : identity(n);
  const spotOf = new Uint32Array(n);
  for (let k = 0; k < n; k++) spotOf[nodeAt[k]] = k;
  return { n, topology, spotX: spots.x, spotY: spots.y, spotOf, nodeAt, bounds: boundsOf(spots), version: 0 };
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * The complete graph's order of learning: `rank[node]` is the order in which it first held the
 * newest version (−1: not yet). Following the frames keeps the informed nodes a disc at the
 * centre; a newer version starts the order again from its holders.
 */
export class LearningOrder {
  readonly rank: Int32Array;
  /** learned[r]: the node ranked r. */
  private readonly learned: Uint32Array;
  private next = 0;
  private version = -1;
  /** Nodes per partition group, as a key ('' while the network is one group). */
  private groupsKey = '';
  private sectors: { spots: Uint32Array; start: Int32Array } | null = null;

  /** `base`: the order of the nodes not ranked yet (the random graph's breadth-first order); ids when null. */
  constructor(readonly n: number, private readonly base: Uint32Array | null = null) {
    this.rank = new Int32Array(n).fill(-1);
    this.learned = new Uint32Array(n);
  }

  /**
   * Takes a frame's bytes (bits 0–1 = 2: holds the newest version), which version is the
   * newest and the partition groups (null: one network). Returns true when the layout changed
   * (then `spotOf` and `nodeAt` are rewritten). Partitioned, each group gets a slice of the
   * disc (by angle, in group order, clockwise from straight down: two groups are the left and
   * the right half) and its own wave from the centre out: groups are regions.
   */
  follow(layout: DensityLayout, latest: number, dense: Uint8Array, group: Uint8Array | null = null): boolean {
    const rank = this.rank, n = this.n, learned = this.learned;
    let reset = layout.version === 0;
    if (latest !== this.version) {
      this.version = latest;
      rank.fill(-1);
      this.next = 0;
      reset = true;
    }
    const regrouped = this.regroup(layout, group);
    // Within one network, a node that learns it swaps spots with the node sitting where it
    // belongs: everyone else stays put (zoomed in, nodes do not jump about) and a round costs
    // one scan, not a rewrite of both 4 MB maps.
    const swap = !reset && !regrouped && this.sectors === null;
    const spotOf = layout.spotOf, nodeAt = layout.nodeAt;
    const before = this.next;
    let next = this.next;
    for (let i = 0; i < n; i++) {
      // The byte first: most frames most nodes either lack it or were ranked long ago.
      if ((dense[i] & 3) === 2 && rank[i] < 0) {
        if (swap) {
          const from = spotOf[i], j = nodeAt[next];
          spotOf[j] = from;
          nodeAt[from] = j;
          spotOf[i] = next;
          nodeAt[next] = i;
        }
        rank[i] = next;
        learned[next++] = i;
      }
    }
    this.next = next;
    if (swap || (next === before && !regrouped && !reset)) {
      if (next !== before) layout.version++;
      return next !== before;
    }
    const base = this.base;
    const place = this.sectors ? this.placeInSectors(layout, group!) : null;
    if (place) {
      for (let r = 0; r < next; r++) place(learned[r]);
      for (let k = 0; k < n; k++) {
        const i = base ? base[k] : k;
        if (rank[i] < 0) place(i);
      }
    } else {
      // One network: ranked nodes take the first spots, the others the rest in the base order;
      // nodeAt is written in order, never at random across 4 MB.
      for (let r = 0; r < next; r++) {
        spotOf[learned[r]] = r;
        nodeAt[r] = learned[r];
      }
      let free = next;
      for (let k = 0; k < n; k++) {
        const i = base ? base[k] : k;
        if (rank[i] < 0) {
          spotOf[i] = free;
          nodeAt[free++] = i;
        }
      }
    }
    layout.version++;
    return true;
  }

  /** Re-cuts the disc into the groups' slices when their sizes changed; true when they did. */
  private regroup(layout: DensityLayout, group: Uint8Array | null): boolean {
    const sizes = new Array<number>(64).fill(0);
    let used = 0;
    if (group) for (let i = 0; i < this.n; i++) if (sizes[group[i]]++ === 0) used++;
    const key = used > 1 ? sizes.join(',') : '';
    if (key === this.groupsKey) return false;
    this.groupsKey = key;
    this.sectors = key ? discSectors(layout, sizes) : null;
    return true;
  }

  /** Puts each node given into the next spot of its group's slice. */
  private placeInSectors(layout: DensityLayout, group: Uint8Array): (i: number) => void {
    const { spots, start } = this.sectors!;
    const at = Int32Array.from(start);
    const { spotOf, nodeAt } = layout;
    return (i) => {
      const s = spots[at[group[i]]++];
      spotOf[i] = s;
      nodeAt[s] = i;
    };
  }
}

/**
 * The disc's spots cut into one slice per group (sizes[g] spots each, in group order, by angle
 * clockwise from straight down), each slice's spots from the centre out.
 */
function discSectors(layout: DensityLayout, sizes: readonly number[]): { spots: Uint32Array; start: Int32Array } {
  const n = layout.n, keys = new Float64Array(n), ID = 2 ** 24;
  for (let k = 0; k < n; k++) {
    const a = Math.atan2(layout.spotY[k], layout.spotX[k]) - Math.PI / 2;
    const turn = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    keys[k] = Math.floor((turn / (2 * Math.PI)) * 2 ** 20) * ID + k;
  }
  keys.sort();
  const spots = new Uint32Array(n);
  const start = new Int32Array(sizes.length + 1);
  let from = 0;
  for (let g = 0; g < sizes.length; g++) {
    start[g] = from;
    const slice = spots.subarray(from, from + sizes[g]);
    for (let j = 0; j < sizes[g]; j++) slice[j] = keys[from + j] % ID;
    slice.sort(); // spot index = distance from the centre
    from += sizes[g];
  }
  start[sizes.length] = from;
  return { spots, start };
}

/** A node's world position in the layout. */
export function nodeX(l: DensityLayout, node: number): number {
  return l.spotX[l.spotOf[node]];
}

export function nodeY(l: DensityLayout, node: number): number {
  return l.spotY[l.spotOf[node]];
}

/** The node nearest to a world point within `radius` (world units), or null; O(n). */
export function nearestDensityNode(l: DensityLayout, wx: number, wy: number, radius: number): number | null {
  let best = -1, bestD = radius * radius;
  const { spotX, spotY, spotOf } = l;
  for (let i = 0; i < l.n; i++) {
    const s = spotOf[i], dx = spotX[s] - wx, dy = spotY[s] - wy, d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? null : best;
}

/**
 * The nodes cut into `k` groups of (nearly) equal size as the drawing shows them: two groups are
 * the left and the right half (by x, ties by id); more are pie slices around the centre,
 * clockwise from straight down (like `angularSectors` for the node-and-link view). Sorting a
 * Float64Array of packed (key, id) values keeps this near 100 ms at 10^6 nodes, where a
 * comparator sort of ids takes seconds.
 */
export function densityGroups(l: DensityLayout, k: number): number[][] {
  const n = l.n, groups = Math.max(1, Math.min(Math.floor(k), n));
  const keys = new Float64Array(n);
  const cx = (l.bounds.minX + l.bounds.maxX) / 2, cy = (l.bounds.minY + l.bounds.maxY) / 2;
  // Key: a 2^20-step quantised coordinate (x, or the clockwise turn), then the id (< 2^24).
  const ID = 2 ** 24;
  const w = Math.max(1e-9, l.bounds.maxX - l.bounds.minX);
  for (let i = 0; i < n; i++) {
    const x = nodeX(l, i), y = nodeY(l, i);
    let q: number;
    if (groups === 2) q = Math.floor(((x - l.bounds.minX) / w) * 2 ** 20);
    else {
      const a = Math.atan2(y - cy, x - cx) - Math.PI / 2;
      const turn = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
      q = Math.floor((turn / (2 * Math.PI)) * 2 ** 20);
    }
    keys[i] = q * ID + i;
  }
  keys.sort();
  const out: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.round((g * n) / groups), to = Math.round(((g + 1) * n) / groups);
    const ids = new Uint32Array(to - from);
    for (let j = from; j < to; j++) ids[j - from] = keys[j] % ID;
    ids.sort();
    out.push(Array.from(ids));
  }
  return out;
}
