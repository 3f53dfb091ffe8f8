import { Simulation, type Snapshot } from '../engine/simulation';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig } from '../engine/types';
import { copyBatch } from './frame-parts';
import { PlannedRun } from './planned-run';
import { SPACE_TIME_LIMIT, type EngineOptions } from './protocol';
import { RunTracker, type TrackerSnapshot } from './run-tracker';

export interface TrackedState {
  sim: Snapshot;
  tracker: TrackerSnapshot;
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
  /**
   * Small clusters (SPACE_TIME_LIMIT): every round's messages by round, for the space-time
   * diagram, with a stamp per round that changes whenever the round is (re)run. Rounds past the
   * timeline's last are stale after a fork and are overwritten when run again.
   */
  readonly messageLog: MessageBatch[] = [];
  readonly logStamps: number[] = [];
  private stamp = 0;
  private readonly keepLog: boolean;

  constructor(config: SimConfig, options: EngineOptions, schedule: readonly LoggedAction[] = []) {
    super(new Simulation(config, options), schedule);
    this.tracker = new RunTracker(this.sim);
    this.keepLog = options.recordMessages && config.nodes <= SPACE_TIME_LIMIT;
  }

  get config(): SimConfig {
    return this.sim.config;
  }

  /** The metrics count the round's messages and, like the page's history, who is live and informed after its planned actions. */
  protected override settle(m: RoundMetrics): RoundMetrics {
    this.tracker.update(m.traffic);
    const messages = this.messages;
    if (this.keepLog && messages) {
      // A round run again by time travel is the same round: its stamp stays, so nothing is resent.
      const old = this.messageLog[m.round];
      if (!old || !sameBatch(old, messages)) {
        this.messageLog[m.round] = copyBatch(messages);
        this.logStamps[m.round] = ++this.stamp;
      }
    }
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

function sameBatch(a: MessageBatch, b: MessageBatch): boolean {
  if (a.count !== b.count) return false;
  for (let i = 0; i < a.count; i++) {
    if (a.from[i] !== b.from[i] || a.to[i] !== b.to[i] || a.kind[i] !== b.kind[i] || a.outcome[i] !== b.outcome[i]
      || a.useful[i] !== b.useful[i] || a.sentRound[i] !== b.sentRound[i] || a.deliverRound[i] !== b.deliverRound[i]) return false;
  }
  return true;
}
