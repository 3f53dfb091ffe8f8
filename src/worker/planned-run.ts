import type { Steppable } from '../engine/timeline';
import type { Action, LoggedAction } from '../engine/types';

/** A planned action the run could not apply (a write at a node churn had crashed), with why. */
export interface RejectedAction {
  round: number;
  action: Action;
  reason: string;
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
 * A model supplies four things: run one round, apply an action, save and load its state.
 */
export abstract class PlannedRun<S, M> implements Steppable<PlannedSnapshot<S>, M> {
  /** Planned actions that could not be applied, with why. */
  readonly rejected: RejectedAction[] = [];
  private planned: LoggedAction[];

  protected constructor(schedule: readonly LoggedAction[]) {
    this.planned = sortByRound(schedule);
  }

  abstract get round(): number;
  abstract get log(): LoggedAction[];
  /** One round of the model, without the planned actions. */
  protected abstract advance(): M;
  /** Applies a planned action (throws, changing nothing, when it is refused). */
  protected abstract applyPlanned(action: Action): void;
  /** After a round and its planned actions: the metrics as the page's history shows them. */
  protected abstract settle(metrics: M): M;
  protected abstract save(): S;
  protected abstract load(s: S): void;
  /** A live action between rounds. */
  abstract apply(action: Action): void;

  /** The planned actions (the scenario's schedule). */
  get schedule(): readonly LoggedAction[] {
    return this.planned;
  }

  step(): M {
    const m = this.advance();
    this.runPlanned();
    return this.settle(m);
  }

  snapshot(): PlannedSnapshot<S> {
    return { model: this.save(), rejected: this.rejected.length };
  }

  restore(s: PlannedSnapshot<S>): void {
    this.load(s.model);
    this.rejected.length = s.rejected;
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
        this.applyPlanned(entry.action);
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
