import type { Steppable } from '../engine/timeline';
import type { Action, LoggedAction } from '../engine/types';

/** A planned action the run could not apply (a write at a node churn had crashed), with why. */
export interface RejectedAction {
  round: number;
  action: Action;
  reason: string;
}

/** What a model's simulation offers (the engine's Simulation and MembershipSimulation both do): a timeline's run, and its messages. */
export interface ModelSim<S, M, B> extends Steppable<S, M> {
  /** The last round's messages when they are recorded, else null. */
  readonly messages: B | null;
}

export interface PlannedSnapshot<S> {
  model: S;
  /** How many refusals had been noted then. */
  rejected: number;
}

/**
 * A model's run with its planned actions (a scenario's timeline), as the worker keeps it on a
 * Timeline — the same for every model. The schedule is run here rather than by the model so
 * that a fork can replace the planned future (the page drops what was done live after the
 * fork and keeps what was planned). Planned actions go through the model's `apply` right after
 * their round, so a planned action and the same click made live give the same run.
 *
 * A model's run may add state that follows the simulation (the spreading run's tracker) by
 * overriding `settle`, `apply`, `save` and `load`.
 */
export class PlannedRun<S, M, B = unknown, Sim extends ModelSim<S, M, B> = ModelSim<S, M, B>, Saved = S> implements Steppable<PlannedSnapshot<Saved>, M> {
  /** Planned actions that could not be applied, with why. */
  readonly rejected: RejectedAction[] = [];
  private planned: LoggedAction[];
  /** The round whose messages `sim.messages` holds (−1: none, e.g. just after a restore). */
  private stepped = -1;

  /** Runs the planned actions of round 0 at once: they apply before round 1, as live ones would. */
  constructor(readonly sim: Sim, schedule: readonly LoggedAction[]) {
    this.planned = sortByRound(schedule);
    this.runPlanned();
  }

  get round(): number {
    return this.sim.round;
  }

  get log(): LoggedAction[] {
    return this.sim.log;
  }

  /** This round's messages, or null when the simulation did not just run it (a restored checkpoint). */
  get messages(): B | null {
    return this.stepped === this.sim.round ? this.sim.messages : null;
  }

  /** After a round and its planned actions: the metrics as the page's history shows them. */
  protected settle(metrics: M): M {
    return metrics;
  }

  /** A live action between rounds. */
  apply(action: Action): void {
    this.sim.apply(action);
  }

  protected save(): Saved {
    return this.sim.snapshot() as unknown as Saved;
  }

  protected load(s: Saved): void {
    this.sim.restore(s as unknown as S);
  }

  step(): M {
    const m = this.sim.step();
    this.stepped = this.sim.round;
    this.runPlanned();
    return this.settle(m);
  }

  snapshot(): PlannedSnapshot<Saved> {
    return { model: this.save(), rejected: this.rejected.length };
  }

  restore(s: PlannedSnapshot<Saved>): void {
    this.load(s.model);
    this.rejected.length = s.rejected;
    this.stepped = -1;
  }

  /**
   * Replaces the planned actions after `round` (those at or before it have run and stay):
   * after a fork, the future holds what the page still plans.
   */
  setFuture(round: number, future: readonly LoggedAction[]): void {
    this.planned = [...this.planned.filter((e) => e.round <= round), ...sortByRound(future.filter((e) => e.round > round))];
  }

  /** Applies the planned actions of the current round, in list order; a refused one is noted, the run goes on. */
  protected runPlanned(): void {
    const r = this.round;
    for (let i = firstAt(this.planned, r); i < this.planned.length && this.planned[i].round === r; i++) {
      const entry = this.planned[i];
      try {
        this.sim.apply(entry.action);
      } catch (e) {
        this.rejected.push({ round: r, action: structuredClone(entry.action), reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}

/** A stable sort by round: actions of one round keep their order. */
function sortByRound(list: readonly LoggedAction[]): LoggedAction[] {
  return list.map((e) => ({ round: e.round, action: structuredClone(e.action) })).sort((a, b) => a.round - b.round);
}

/** Index of the first entry at `round` or later (binary search over a list sorted by round). */
function firstAt(list: readonly LoggedAction[], round: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].round < round) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
