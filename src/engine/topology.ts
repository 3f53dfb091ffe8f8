import type { Rng } from './prng';
import type { TopologyName } from './types';

/**
 * Who can talk to whom. The complete graph is implicit (no edge list), so it scales to 10^7
 * nodes; every other graph is stored once as CSR: `neighbors[offsets[i] .. offsets[i+1])` are
 * node i's neighbours, in two flat Uint32Arrays.
 */
export interface Topology {
  name: TopologyName;
  nodes: number;
  /** null for the implicit complete graph. */
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
  /** Undirected edges. */
  edges: number;
  /** Connected components of the graph (1 for complete). */
  components: number;
  largestComponent: number;
}

export function degreeOf(t: Topology, node: number): number {
  return t.offsets ? t.offsets[node + 1] - t.offsets[node] : t.nodes - 1;
}

/** The i-th neighbour of `node` (0 ≤ i < degree). */
export function neighborAt(t: Topology, node: number, i: number): number {
  if (t.offsets) return t.neighbors![t.offsets[node] + i];
  return i < node ? i : i + 1;
}

export function buildTopology(name: TopologyName, nodes: number, degree: number, rng: Rng): Topology {
  switch (name) {
    case 'complete':
      return { name, nodes, offsets: null, neighbors: null, edges: (nodes * (nodes - 1)) / 2, components: 1, largestComponent: nodes };
    case 'ring':
      return fromEdges(name, nodes, ringEdges(nodes, degree));
    case 'grid':
      return fromEdges(name, nodes, gridEdges(nodes));
    case 'random':
      return fromEdges(name, nodes, randomEdges(nodes, degree, rng));
  }
}

/** A growable list of undirected edges as two parallel uint32 columns. */
class EdgeList {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  length = 0;
  add(u: number, v: number): void {
    if (this.length === this.a.length) {
      const a = new Uint32Array(this.a.length * 2);
      const b = new Uint32Array(this.b.length * 2);
      a.set(this.a);
      b.set(this.b);
      this.a = a;
      this.b = b;
    }
    this.a[this.length] = u;
    this.b[this.length] = v;
    this.length++;
  }
}

/** Each node linked to its `degree` nearest: ⌊degree/2⌋ on each side (at least one). */
function ringEdges(n: number, degree: number): EdgeList {
  const edges = new EdgeList();
  const half = Math.min(Math.max(1, Math.floor(degree / 2)), Math.floor(n / 2));
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= half; d++) {
      const j = (i + d) % n;
      // When n is even and d = n/2, i+d and i−d are the same node: add that edge once.
      if (2 * d === n && j < i) continue;
      if (j !== i) edges.add(i, j);
    }
  }
  return edges;
}

/** A 2-D lattice ⌈√n⌉ columns wide, linked to the left/right/up/down neighbours. */
function gridEdges(n: number): EdgeList {
  const edges = new EdgeList();
  const cols = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    if ((i % cols) + 1 < cols && i + 1 < n) edges.add(i, i + 1);
    if (i + cols < n) edges.add(i, i + cols);
  }
  return edges;
}

/**
 * Erdős–Rényi G(n, p) with p = degree / (n − 1), in O(n + m) by geometric skipping
 * (Batagelj & Brandes 2005) rather than n²/2 coin flips.
 */
function randomEdges(n: number, degree: number, rng: Rng): EdgeList {
  const edges = new EdgeList();
  const p = Math.min(1, degree / Math.max(1, n - 1));
  if (p <= 0) return edges;
  if (p >= 1) {
    for (let v = 1; v < n; v++) for (let w = 0; w < v; w++) edges.add(v, w);
    return edges;
  }
  const logq = Math.log(1 - p);
  let v = 1;
  let w = -1;
  while (v < n) {
    w += 1 + Math.floor(Math.log(1 - rng.float()) / logq);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) edges.add(v, w);
  }
  return edges;
}

function fromEdges(name: TopologyName, nodes: number, list: EdgeList): Topology {
  const offsets = new Uint32Array(nodes + 1);
  for (let e = 0; e < list.length; e++) {
    offsets[list.a[e] + 1]++;
    offsets[list.b[e] + 1]++;
  }
  for (let i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, nodes);
  const neighbors = new Uint32Array(list.length * 2);
  for (let e = 0; e < list.length; e++) {
    const u = list.a[e], v = list.b[e];
    neighbors[fill[u]++] = v;
    neighbors[fill[v]++] = u;
  }
  const t: Topology = { name, nodes, offsets, neighbors, edges: list.length, components: 0, largestComponent: 0 };
  const comps = componentLabels(t);
  t.components = comps.count;
  t.largestComponent = comps.largest;
  return t;
}

/** Labels every node with its connected component (BFS over the CSR arrays). */
export function componentLabels(t: Topology): { label: Int32Array; count: number; largest: number } {
  const n = t.nodes;
  const label = new Int32Array(n).fill(-1);
  if (!t.offsets) {
    label.fill(0);
    return { label, count: n > 0 ? 1 : 0, largest: n };
  }
  const queue = new Uint32Array(n);
  let count = 0;
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    let head = 0, tail = 0;
    queue[tail++] = s;
    label[s] = count;
    while (head < tail) {
      const u = queue[head++];
      for (let k: number = t.offsets[u]; k < t.offsets[u + 1]; k++) {
        const v = t.neighbors![k];
        if (label[v] === -1) {
          label[v] = count;
          queue[tail++] = v;
        }
      }
    }
    largest = Math.max(largest, tail);
    count++;
  }
  return { label, count, largest };
}
