import { Rng } from '../../src/engine/prng';

/**
 * The baseline the engine is measured against: gossip written the way the seed article's Java
 * `Node` is written — one object per node, a `Map` of state per node, neighbours as an array of
 * node objects, messages as objects carrying a copy of the sender's map. It fixes the article's
 * bugs so that it does the same work as the engine (the state is copied, not shared by
 * reference; each round a node contacts exactly `fanout` distinct peers, never itself), and it
 * draws from the same seeded `Rng` instead of `Math.random`. Its structure — allocation per
 * message, pointer chasing per node, hashing per key — is deliberately left naive.
 *
 * On the complete graph every node holds a reference to one shared array of all nodes, as a
 * naive implementation would, rather than n² neighbour lists.
 */
export type NaiveProtocol = 'push' | 'pull' | 'push-pull';

interface Message {
  from: NaiveNode;
  kind: 'push' | 'pull-request' | 'pull-reply' | 'exchange' | 'exchange-reply';
  state: Map<string, number> | null;
}

export class NaiveNode {
  state = new Map<string, number>();
  inbox: Message[] = [];

  constructor(readonly id: number, readonly neighbors: NaiveNode[]) {}

  /** `fanout` distinct random neighbours other than this node (redraws on repeats). */
  pickPeers(fanout: number, rng: Rng): NaiveNode[] {
    const picked: NaiveNode[] = [];
    const want = Math.min(fanout, this.neighbors.length - 1);
    while (picked.length < want) {
      const peer = this.neighbors[rng.int(this.neighbors.length)];
      if (peer !== this && !picked.includes(peer)) picked.push(peer);
    }
    return picked;
  }

  hasNewerThan(other: Map<string, number>): boolean {
    for (const [key, version] of this.state) if (version > (other.get(key) ?? 0)) return true;
    return false;
  }

  /** Sends this round's messages, reading only the start-of-round state. */
  gossip(protocol: NaiveProtocol, fanout: number, rng: Rng): number {
    let sent = 0;
    if (protocol === 'push' && this.state.size === 0) return 0;
    for (const peer of this.pickPeers(fanout, rng)) {
      sent++;
      if (protocol === 'push') peer.inbox.push({ from: this, kind: 'push', state: new Map(this.state) });
      else if (protocol === 'pull') peer.inbox.push({ from: this, kind: 'pull-request', state: null });
      else peer.inbox.push({ from: this, kind: 'exchange', state: new Map(this.state) });
    }
    return sent;
  }

  /** Answers requests (from the start-of-round state); returns the replies sent. */
  answer(): number {
    let sent = 0;
    for (const m of this.inbox) {
      if (m.kind === 'pull-request' && this.hasNewerThan(m.from.state)) {
        m.from.inbox.push({ from: this, kind: 'pull-reply', state: new Map(this.state) });
        sent++;
      } else if (m.kind === 'exchange') {
        m.from.inbox.push({ from: this, kind: 'exchange-reply', state: new Map(this.state) });
        sent++;
      }
    }
    return sent;
  }

  /** Folds every received state into this node's own; last writer wins per key. */
  merge(): void {
    for (const m of this.inbox) {
      if (!m.state) continue;
      for (const [key, version] of m.state) if (version > (this.state.get(key) ?? 0)) this.state.set(key, version);
    }
    this.inbox = [];
  }
}

/** A whole naive cluster on the complete graph, stepped in synchronous rounds. */
export class NaiveCluster {
  readonly nodes: NaiveNode[] = [];
  round = 0;
  private readonly rng: Rng;

  constructor(n: number, readonly protocol: NaiveProtocol, readonly fanout: number, seed: number) {
    this.rng = new Rng(seed);
    for (let i = 0; i < n; i++) this.nodes.push(new NaiveNode(i, this.nodes));
    this.nodes[0].state.set('key0', 1);
  }

  /** Gives every node the update at once: the steady state of a finished run. */
  informAll(): void {
    for (const node of this.nodes) node.state.set('key0', 1);
  }

  /** One round; returns the messages sent. */
  step(): number {
    let sent = 0;
    for (const node of this.nodes) sent += node.gossip(this.protocol, this.fanout, this.rng);
    // Requests are answered from the start-of-round state: merges wait until every reply is out.
    if (this.protocol !== 'push') {
      const requested = this.nodes.filter((node) => node.inbox.length > 0);
      for (const node of requested) sent += node.answer();
    }
    for (const node of this.nodes) if (node.inbox.length > 0) node.merge();
    this.round++;
    return sent;
  }

  informed(): number {
    let count = 0;
    for (const node of this.nodes) if (node.state.has('key0')) count++;
    return count;
  }
}
