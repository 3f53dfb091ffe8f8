import { Simulation, type Snapshot } from '../engine/simulation';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig } from '../engine/types';
import { PlannedRun } from './planned-run';
import { RunTracker, type TrackerSnapshot } from './run-tracker';

export interface TrackedState {
  sim: Snapshot;
  tracker: TrackerSnapshot;
}

export interface TrackedRunOptions {
  recordMessages: boolean;
  trackNodeStats: boolean;
}

/**
 * The spreading model as the worker keeps it on the timeline: the Simulation, the RunTracker
 * that follows it (writes, spread) and the planned actions (PlannedRun).
 *
 * @example
 *   const run = new TrackedRun(config, { recordMessages: true, trackNodeStats: true }, schedule);
 *   const tl = new Timeline(run);
 *   tl.advance();
 */
export class TrackedRun extends PlannedRun<TrackedState, RoundMetrics> {
  readonly sim: Simulation;
  readonly tracker: RunTracker;
  /** The round whose messages `sim.messages` holds (−1: none, e.g. just after a restore). */
  private stepped = -1;

  constructor(config: SimConfig, options: TrackedRunOptions, schedule: readonly LoggedAction[] = []) {
    super(schedule);
    this.sim = new Simulation(config, options);
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

  /** This round's messages, or null when the simulation did not just run it (a restored checkpoint). */
  get messages(): MessageBatch | null {
    return this.stepped === this.sim.round ? this.sim.messages : null;
  }

  protected advance(): RoundMetrics {
    const m = this.sim.step();
    this.stepped = this.sim.round;
    return m;
  }

  protected applyPlanned(action: Action): void {
    this.sim.apply(action);
  }

  /** The metrics count the round's messages and, like the page's history, who is live and informed after its planned actions. */
  protected settle(m: RoundMetrics): RoundMetrics {
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

  protected save(): TrackedState {
    return { sim: this.sim.snapshot(), tracker: this.tracker.snapshot() };
  }

  protected load(s: TrackedState): void {
    this.sim.restore(s.sim);
    this.tracker.restore(s.tracker);
    this.stepped = -1;
  }
}
