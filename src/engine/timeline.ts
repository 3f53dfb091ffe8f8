import type { Action, LoggedAction } from './types';

/** What a timeline needs of a run: the engine's Simulation and the membership simulation both fit. */
export interface Steppable<S, M> {
  round: number;
  readonly log: LoggedAction[];
  step(): M;
  apply(action: Action): void;
  snapshot(): S;
  restore(s: S): void;
}

export interface TimelineOptions {
  /** A checkpoint every this many rounds (default 32). */
  checkpointEvery?: number;
}

/**
 * Time travel over a deterministic run (RaftScope's timeline, with bounded memory): the run is
 * computed up to `head`; any earlier round is shown by restoring the nearest checkpoint at or
 * before it and replaying forward — runs are deterministic, so the replay is exact. Memory is
 * one snapshot per `checkpointEvery` rounds plus the small per-round metrics.
 *
 * "Round r" means the state after round r ran and after the actions logged at round r.
 *
 * @example
 *   const tl = new Timeline(new Simulation(config));
 *   tl.advance(); tl.advance();           // rounds 1, 2
 *   tl.seek(1);                            // show round 1
 *   tl.fork();                             // drop round 2: the future starts again from round 1
 */
export class Timeline<S, M> {
  /** Metrics of rounds 1…head (index r − 1). */
  readonly metrics: M[] = [];
  /** Every action of the run, with the round it was applied at. */
  log: LoggedAction[] = [];
  private head = 0;
  private readonly checkpoints = new Map<number, S>();
  private readonly every: number;

  constructor(readonly sim: Steppable<S, M>, options: TimelineOptions = {}) {
    this.every = Math.max(1, options.checkpointEvery ?? 32);
    this.log = [...sim.log];
    this.checkpoints.set(0, sim.snapshot());
    this.head = sim.round;
  }

  /** The newest computed round. */
  get last(): number {
    return this.head;
  }

  /** The round the simulation currently shows. */
  get shown(): number {
    return this.sim.round;
  }

  get checkpointCount(): number {
    return this.checkpoints.size;
  }

  /** Runs one more round past the head (seeking there first if an earlier round is shown). */
  advance(): M {
    if (this.sim.round !== this.head) this.seek(this.head);
    const m = this.sim.step();
    this.head = this.sim.round;
    this.metrics[this.head - 1] = m;
    this.syncLog();
    if (this.head % this.every === 0) this.checkpoints.set(this.head, this.sim.snapshot());
    return m;
  }

  /** Applies an action at the shown round; if that is in the past, the later rounds are discarded (a fork). */
  apply(action: Action): void {
    // Apply first: a refused action throws before anything changes, so it must not fork either.
    this.sim.apply(action);
    if (this.sim.round !== this.head) this.fork();
    // A checkpoint taken at this round predates the action; `seek` re-applies it from the log.
    this.syncLog();
  }

  /** Shows round `round` (0 ≤ round ≤ last) exactly as it was. */
  seek(round: number): void {
    const target = Math.max(0, Math.min(this.head, Math.floor(round)));
    if (target === this.sim.round) return;
    if (target < this.sim.round || target - this.sim.round > this.every) {
      const base = Math.floor(target / this.every) * this.every;
      this.sim.restore(this.checkpoints.get(base) ?? this.checkpoints.get(0)!);
      // The checkpoint's log is cut back to what it held then; actions logged later at that
      // very round were applied after the checkpoint was taken, so apply them again.
      this.reapplyFrom(this.sim.log.length);
    }
    while (this.sim.round < target) {
      this.sim.step();
      this.reapplyFrom(this.sim.log.length);
    }
  }

  /** Discards every round after the shown one: the run carries on from here. */
  fork(): void {
    const r = this.sim.round;
    this.head = r;
    this.metrics.length = r;
    for (const k of [...this.checkpoints.keys()]) if (k > r) this.checkpoints.delete(k);
    this.log = this.log.filter((e) => e.round <= r);
  }

  /**
   * Applies the logged actions of the shown round that the simulation has not applied yet.
   * During a replay the simulation's log is always a prefix of the timeline's (it re-applies
   * scheduled actions itself, in the same order), so index `applied` lines the two up.
   */
  private reapplyFrom(applied: number): void {
    for (let i = applied; i < this.log.length && this.log[i].round === this.sim.round; i++) this.sim.apply(this.log[i].action);
  }

  /** At the head, the simulation's log (live and scheduled actions) is the run's log. */
  private syncLog(): void {
    this.log = [...this.sim.log];
  }
}
