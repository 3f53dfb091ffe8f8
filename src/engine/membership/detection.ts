import { ALIVE, DEAD, SUSPECT, UNKNOWN, type CrashRecord, type DetectionEvent, type MembershipSummary } from './types';

/** Totals of a run, kept across rounds (and in snapshots): the summary's counts, and the live nodes summed over rounds. */
export interface DetectionTotals extends Pick<MembershipSummary, 'suspicions' | 'declaredDead' | 'falsePositives' | 'refutations' | 'sent' | 'bytes'> {
  liveNodeRounds: number;
}

export interface DetectionState {
  crashes: CrashRecord[];
  open: Int32Array;
  totals: DetectionTotals;
}

const zeroTotals = (): DetectionTotals => ({
  suspicions: 0, declaredDead: 0, falsePositives: 0, refutations: 0, sent: 0, bytes: 0, liveNodeRounds: 0,
});

/**
 * Watches every change of belief and turns it into the numbers users ask for: how fast a
 * crash is noticed, how many live nodes get declared dead, how often nodes refute.
 * Observers that are down are not counted: their views are frozen, not beliefs anyone acts on.
 */
export class DetectionTracker {
  crashes: CrashRecord[] = [];
  /** Index into `crashes` of each node's open crash, or -1 while it is up. */
  readonly open: Int32Array;
  totals = zeroTotals();
  suspicions = 0;
  declaredDead = 0;
  falsePositives = 0;
  refutations = 0;
  events: DetectionEvent[] = [];
  round = 0;

  /**
   * @param alive the truth (shared with the network)
   * @param subjectCount per state, per subject: live observers holding that state (`[state·n + s]`)
   */
  constructor(private readonly n: number, private readonly alive: Uint8Array, private readonly subjectCount: Uint32Array) {
    this.open = new Int32Array(n).fill(-1);
  }

  begin(round: number): void {
    this.round = round;
    this.suspicions = this.declaredDead = this.falsePositives = this.refutations = 0;
    this.events = [];
  }

  /**
   * Called by the view table before it updates its counts, so the counts still say what live
   * observers believed before this change.
   */
  transition(s: number, to: number, firstHand: boolean): void {
    const n = this.n;
    if (firstHand) {
      if (to === SUSPECT) this.suspicions++;
      else if (to === DEAD) this.declaredDead++;
    }
    if (this.alive[s] === 1) {
      if (to === DEAD && this.subjectCount[DEAD * n + s] + this.subjectCount[UNKNOWN * n + s] === 0) this.falsePositives++;
      return;
    }
    const k = this.open[s];
    if (k < 0) return;
    const rec = this.crashes[k];
    if (to === SUSPECT && rec.firstSuspect < 0) {
      rec.firstSuspect = this.round;
      this.events.push({ node: s, kind: 'first-suspect', latency: this.round - rec.crashedAt });
    } else if (to === DEAD && rec.firstDead < 0) {
      rec.firstDead = this.round;
      this.events.push({ node: s, kind: 'first-dead', latency: this.round - rec.crashedAt });
    }
  }

  refuted(): void {
    this.refutations++;
  }

  crashed(node: number, round: number): void {
    this.open[node] = this.crashes.length;
    this.crashes.push({ node, crashedAt: round, firstSuspect: -1, firstDead: -1, allKnow: -1, recoveredAt: -1 });
  }

  recovered(node: number, round: number): void {
    const k = this.open[node];
    if (k >= 0) this.crashes[k].recoveredAt = round;
    this.open[node] = -1;
  }

  /** Closes the round: crashes that every live node now knows of, and the run totals. */
  end(sent: number, bytes: number, live: number): void {
    const n = this.n;
    for (const rec of this.crashes) {
      if (rec.recoveredAt >= 0 || rec.allKnow >= 0) continue;
      if (this.subjectCount[ALIVE * n + rec.node] + this.subjectCount[SUSPECT * n + rec.node] === 0) {
        rec.allKnow = this.round;
        this.events.push({ node: rec.node, kind: 'all-know', latency: this.round - rec.crashedAt });
      }
    }
    const t = this.totals;
    t.suspicions += this.suspicions;
    t.declaredDead += this.declaredDead;
    t.falsePositives += this.falsePositives;
    t.refutations += this.refutations;
    t.sent += sent;
    t.bytes += bytes;
    t.liveNodeRounds += live;
  }

  save(): DetectionState {
    return { crashes: this.crashes.map((c) => ({ ...c })), open: this.open.slice(), totals: { ...this.totals } };
  }

  load(s: DetectionState): void {
    this.crashes = s.crashes.map((c) => ({ ...c }));
    this.open.set(s.open);
    this.totals = { ...s.totals };
  }
}
