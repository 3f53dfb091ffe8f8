/**
 * Messages sent per node, for the load a protocol puts on its busiest node: per round (sparse:
 * only the senders of this round are reset) and over the whole run, in O(1) per message. It
 * counts in RoundNet.send, so it serves primary-backup, whose every message goes through it and
 * whose long runs (⌈(n−1)/b⌉ rounds) could not afford a pass over the nodes per round. The
 * gossip protocols, whose fast loops bypass send, are measured by `SentScan` instead.
 */
export class LoadCounter {
  /** Messages each node sent in the current round. */
  private readonly round: Uint32Array;
  /** Messages each node sent since the run began. */
  readonly total: Uint32Array;
  private readonly senders: Uint32Array;
  private senderCount = 0;
  /** Most messages one node sent this round, and since the run began. */
  busiest = 0;
  busiestTotal = 0;

  constructor(nodes: number) {
    this.round = new Uint32Array(nodes);
    this.total = new Uint32Array(nodes);
    this.senders = new Uint32Array(nodes);
  }

  begin(): void {
    for (let i = 0; i < this.senderCount; i++) this.round[this.senders[i]] = 0;
    this.senderCount = 0;
    this.busiest = 0;
  }

  sent(from: number): void {
    const c = ++this.round[from];
    if (c === 1) this.senders[this.senderCount++] = from;
    if (c > this.busiest) this.busiest = c;
    const t = ++this.total[from];
    if (t > this.busiestTotal) this.busiestTotal = t;
  }

  /** Back to a snapshot's totals (the per-round counts start afresh with the next round). */
  restore(total: Uint32Array): void {
    this.begin();
    this.total.set(total);
    let most = 0;
    for (let i = 0; i < total.length; i++) if (total[i] > most) most = total[i];
    this.busiestTotal = most;
  }
}

/**
 * The busiest node's load read from the per-node counters every path keeps (World.sentCount,
 * the inspector's): one pass over the nodes per round — microseconds at the page's 10^4 nodes,
 * ~1.3 ms at 10^6 — that leaves the fast loops in charge of the round. (Keeping the counters
 * costs more than reading them: at 10^6 nodes push runs the general fast loop, not the complete
 * graph's fanout-1 loops — 116 instead of 10 ms a round, measured 2026-12-07.)
 */
export class SentScan {
  private readonly before: Uint32Array;
  busiest = 0;
  busiestTotal = 0;

  constructor(private readonly sent: Uint32Array) {
    this.before = sent.slice();
  }

  /** After a round: the most one node sent in it, and since the run began. */
  update(): void {
    const sent = this.sent, before = this.before;
    let most = 0, mostTotal = 0;
    for (let i = 0; i < sent.length; i++) {
      const s = sent[i];
      const d = s - before[i];
      if (d > most) most = d;
      if (s > mostTotal) mostTotal = s;
      before[i] = s;
    }
    this.busiest = most;
    this.busiestTotal = mostTotal;
  }

  /** The counters were restored: the next round is measured from them. */
  restore(): void {
    this.before.set(this.sent);
    let most = 0;
    for (let i = 0; i < this.sent.length; i++) if (this.sent[i] > most) most = this.sent[i];
    this.busiest = 0;
    this.busiestTotal = most;
  }
}
