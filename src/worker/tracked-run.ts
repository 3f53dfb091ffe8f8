import { Simulation, type Snapshot } from '../engine/simulation';
import type { Steppable } from '../engine/timeline';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig } from '../engine/types';
import type { RejectedAction } from './protocol';
import { RunTracker, type TrackerSnapshot } from './run-tracker';

export interface TrackedSnapshot {
  sim: Snapshot;
  tracker: TrackerSnapshot;
  rejected: number;
}

export interface TrackedRunOptions {
  recordMessages: boolean;
  trackNodeStats: boolean;
}

/**
 * What the page's worker keeps on the timeline: the Simulation, the RunTracker that follows
 * it (writes, spread), and the scenario's planned actions. The schedule is run here rather
 * than by the Simulation so that a fork can replace the planned future (the page drops what
 * was done live after the fork, keeps what was planned). Planned actions go through the same
 * `apply` right after their round, exactly where the Simulation would run them, so a run is
 * the same whichever of the two runs its schedule.
 *
 * @example
 *   const run = new TrackedRun(config, { recordMessages: true, trackNodeStats: true }, schedule);
 *   const tl = new Timeline(run);
 *   tl.advance();
 */
export class TrackedRun implements Steppable<TrackedSnapshot, RoundMetrics> {
  readonly sim: Simulation;
  readonly tracker: RunTracker;
  /** Planned actions that could not be applied (a write at a node churn had crashed), with why. */
  readonly rejected: RejectedAction[] = [];
  private planned: LoggedAction[];
  /** The round whose messages `sim.messages` holds (−1: none, e.g. just after a restore). */
  private stepped = -1;

  constructor(config: SimConfig, options: TrackedRunOptions, schedule: readonly LoggedAction[] = []) {
    this.sim = new Simulation(config, options);
    this.planned = sortByRound(schedule);
    this.runPlanned();
    this.tracker = new RunTracker(this.sim);
  }

  get round(): number {
    return this.sim.round;
  }

  get log(): LoggedAction[] {
    return this.sim.log;
  }

  get config(): SimConfig {
    return this.sim.config;
  }

  /** The planned actions (the scenario's schedule). */
  get schedule(): readonly LoggedAction[] {
    return this.planned;
  }

  /** This round's messages, or null when the simulation did not just run it (a restored checkpoint). */
  get messages(): MessageBatch | null {
    return this.stepped === this.sim.round ? this.sim.messages : null;
  }

  /**
   * One round, then the actions planned after it. The metrics count the round's messages and,
   * like the page's history, who is live and informed after its planned actions.
   */
  step(): RoundMetrics {
    const m = this.sim.step();
    this.stepped = this.sim.round;
    this.runPlanned();
    this.tracker.update(m.traffic);
    const w = this.sim.world;
    m.live = w.liveCount;
    m.informed = Array.from(w.informed);
    m.inFlight = this.sim.inFlight;
    return m;
  }

  apply(action: Action): void {
    this.sim.apply(action);
    this.tracker.update();
  }

  snapshot(): TrackedSnapshot {
    return { sim: this.sim.snapshot(), tracker: this.tracker.snapshot(), rejected: this.rejected.length };
  }

  restore(s: TrackedSnapshot): void {
    this.sim.restore(s.sim);
    this.tracker.restore(s.tracker);
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
  private runPlanned(): void {
    const r = this.sim.round;
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
