import type { Topology } from './topology';

/**
 * Hand-played rounds: peers a user chose for a node, used by the next round instead of the
 * PRNG's picks (PeerSampler reads them). Checked here against the graph and the fanout, so a
 * refused choice changes nothing; cleared when the round that used them has run.
 */
export class HandPicks {
  private readonly chosen = new Map<number, number[]>();

  get size(): number {
    return this.chosen.size;
  }

  get(node: number): readonly number[] | undefined {
    return this.chosen.get(node);
  }

  /** Validates and keeps `peers` for `node` (replacing an earlier choice for the same round). */
  choose(topology: Topology, fanout: number, node: unknown, peers: unknown): void {
    const n = topology.nodes;
    const isNode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;
    if (!isNode(node)) throw new Error(`node must be an integer from 0 to ${n - 1}, got ${String(node)}`);
    if (!Array.isArray(peers) || peers.length === 0) throw new Error(`node ${node} needs at least one peer to contact`);
    if (peers.length > fanout) throw new Error(`node ${node} contacts at most ${fanout} peer${fanout === 1 ? '' : 's'} a round (the fanout), got ${peers.length}`);
    const seen = new Set<number>();
    for (const p of peers) {
      if (!isNode(p)) throw new Error(`peer must be an integer from 0 to ${n - 1}, got ${String(p)}`);
      if (p === node) throw new Error(`node ${node} cannot contact itself`);
      if (seen.has(p)) throw new Error(`node ${node} lists peer ${p} twice`);
      if (!isNeighbour(topology, node, p)) throw new Error(`node ${p} is not a neighbour of node ${node} on this graph`);
      seen.add(p);
    }
    this.chosen.set(node, [...peers]);
  }

  clear(): void {
    this.chosen.clear();
  }

  /** For snapshots: a copy of every choice. */
  entries(): [number, number[]][] {
    return [...this.chosen].map(([node, peers]) => [node, [...peers]]);
  }

  restore(entries: readonly (readonly [number, readonly number[]])[]): void {
    this.chosen.clear();
    for (const [node, peers] of entries) this.chosen.set(node, [...peers]);
  }
}

function isNeighbour(t: Topology, a: number, b: number): boolean {
  if (t.offsets === null || t.neighbors === null) return a !== b;
  for (let i = t.offsets[a]; i < t.offsets[a + 1]; i++) if (t.neighbors[i] === b) return true;
  return false;
}
