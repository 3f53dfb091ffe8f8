/**
 * Messages sent per node, for the load a protocol puts on its busiest node: per round (sparse:
 * only the senders of this round are reset) and over the whole run. Exact for every message
 * that goes through RoundNet.send — which is why a run that tracks load takes the generic path
 * rather than the fast loops (see fastRoundEligible).
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
