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
 * The spreading model as the worker keeps it on the timeline: the Simulation with its planned
 * actions (PlannedRun) and the RunTracker that follows it (writes, spread), which checkpoints
 * save and restore along with the simulation.
 *
 * @example
 *   const run = new TrackedRun(config, { recordMessages: true, trackNodeStats: true }, schedule);
 *   const tl = new Timeline(run);
 *   tl.advance();
 */
export class TrackedRun extends PlannedRun<Snapshot, RoundMetrics, MessageBatch, Simulation, TrackedState> {
  readonly tracker: RunTracker;

  constructor(config: SimConfig, options: TrackedRunOptions, schedule: readonly LoggedAction[] = []) {
    super(new Simulation(config, options), schedule);
    this.tracker = new RunTracker(this.sim);
  }

  get config(): SimConfig {
    return this.sim.config;
  }

  /** The metrics count the round's messages and, like the page's history, who is live and informed after its planned actions. */
  protected override settle(m: RoundMetrics): RoundMetrics {
    this.tracker.update(m.traffic);
    const w = this.sim.world;
    m.live = w.liveCount;
    m.informed = Array.from(w.informed);
    m.inFlight = this.sim.inFlight;
    return m;
  }

  override apply(action: Action): void {
    this.sim.apply(action);
    this.tracker.update();
  }

  protected override save(): TrackedState {
    return { sim: this.sim.snapshot(), tracker: this.tracker.snapshot() };
  }

  protected override load(s: TrackedState): void {
    this.sim.restore(s.sim);
    this.tracker.restore(s.tracker);
  }
}
