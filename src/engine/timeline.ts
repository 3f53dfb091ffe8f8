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
  /** A checkpoint every this many rounds at first (default 32). */
  checkpointEvery?: number;
  /**
   * What the checkpoints may hold, in bytes (default 48 MB). Past it, every other checkpoint
   * goes and the spacing doubles: memory stays bounded however long the run, and a seek replays
   * at most one spacing — which grows only as the log of the run's length does.
   */
  checkpointBudget?: number;
}

/** The default memory budget of a timeline's checkpoints. */
export const CHECKPOINT_BUDGET = 48e6;
/**
 * Rounds whose metrics are kept one by one (the page's charts and a timeline change's replay
 * read at most this far back); older rounds' metrics are recomputed by the replay that shows them.
 */
export const METRICS_KEPT = 10_000;

/** Roughly what a snapshot holds: its typed arrays' bytes, plus a little per value. */
export function approxBytes(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'number' || typeof value === 'boolean') return 8;
  if (typeof value === 'string') return 2 * value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + approxBytes(v), 8 * value.length);
  if (typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + approxBytes(v), 16);
  return 8;
}

/**
 * Time travel over a deterministic run (RaftScope's timeline, with bounded memory): the run is
 * computed up to `head`; any earlier round is shown by restoring the nearest checkpoint at or
 * before it and replaying forward — runs are deterministic, so the replay is exact. Memory is
 * the checkpoints (within `checkpointBudget`: the spacing doubles when they would pass it) plus
 * the small per-round metrics.
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
  /** Metrics of rounds 1…head (index r − 1); only the last METRICS_KEPT are kept (see metricsAt). */
  readonly metrics: (M | undefined)[] = [];
  /** The metrics of the round a seek replayed up to (its only way back once dropped from `metrics`). */
  private replayed: { round: number; metrics: M } | null = null;
  /** Every action of the run, with the round it was applied at. */
  log: LoggedAction[] = [];
  private head = 0;
  private readonly checkpoints = new Map<number, S>();
  private every: number;
  private readonly budget: number;
  /** Bytes the checkpoints hold (approximately). */
  private held = 0;
  private readonly sizes = new Map<number, number>();

  constructor(readonly sim: Steppable<S, M>, options: TimelineOptions = {}) {
    this.every = Math.max(1, options.checkpointEvery ?? 32);
    this.budget = options.checkpointBudget ?? CHECKPOINT_BUDGET;
    this.log = [...sim.log];
    this.keep(0, sim.snapshot());
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

  /** Rounds between two checkpoints now (a seek replays fewer than this many). */
  get spacing(): number {
    return this.every;
  }

  /** Approximate bytes the checkpoints hold. */
  get checkpointBytes(): number {
    return this.held;
  }

  /** Runs one more round past the head (seeking there first if an earlier round is shown). */
  advance(): M {
    if (this.sim.round !== this.head) this.seek(this.head);
    const m = this.sim.step();
    this.head = this.sim.round;
    this.metrics[this.head - 1] = m;
    if (this.head > METRICS_KEPT) this.metrics[this.head - METRICS_KEPT - 1] = undefined;
    this.syncLog();
    if (this.head % this.every === 0) this.keep(this.head, this.sim.snapshot());
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
      // An old round's metrics come from replaying into it: start one checkpoint earlier if need be.
      const base = Math.floor((this.metrics[target - 1] === undefined && target > 0 ? target - 1 : target) / this.every) * this.every;
      this.sim.restore(this.checkpoints.get(base) ?? this.checkpoints.get(0)!);
      // The checkpoint's log is cut back to what it held then; actions logged later at that
      // very round were applied after the checkpoint was taken, so apply them again.
      this.reapplyFrom(this.sim.log.length);
    }
    while (this.sim.round < target) {
      const m = this.sim.step();
      if (this.sim.round === target) this.replayed = { round: target, metrics: m };
      this.reapplyFrom(this.sim.log.length);
    }
  }

  /** The metrics of round `round` (1…last): kept, or recomputed by the seek that showed it. */
  metricsAt(round: number): M | undefined {
    return this.metrics[round - 1] ?? (this.replayed?.round === round ? this.replayed.metrics : undefined);
  }

  /** Discards every round after the shown one: the run carries on from here. */
  fork(): void {
    const r = this.sim.round;
    this.head = r;
    this.metrics.length = r;
    if (this.replayed && this.replayed.round > r) this.replayed = null;
    for (const k of [...this.checkpoints.keys()]) if (k > r) this.drop(k);
    this.log = this.log.filter((e) => e.round <= r);
  }

  private keep(round: number, snapshot: S): void {
    const bytes = approxBytes(snapshot);
    this.checkpoints.set(round, snapshot);
    this.sizes.set(round, bytes);
    this.held += bytes;
    // Over budget: keep every other checkpoint (round 0 always), and take them twice as far apart.
    while (this.held > this.budget && this.checkpoints.size > 2) {
      this.every *= 2;
      for (const k of [...this.checkpoints.keys()]) if (k % this.every !== 0) this.drop(k);
    }
  }

  private drop(round: number): void {
    this.held -= this.sizes.get(round) ?? 0;
    this.sizes.delete(round);
    this.checkpoints.delete(round);
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
