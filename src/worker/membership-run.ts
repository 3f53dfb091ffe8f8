import { MembershipSimulation, type MembershipConfig, type MembershipRoundMetrics, type MembershipSnapshot } from '../engine/membership';
import type { Action, LoggedAction } from '../engine/types';
import { PlannedRun } from './planned-run';

/** Clusters up to this size get their messages recorded and animated by kind. */
export const MEMBERSHIP_ANIMATE_LIMIT = 200;

/**
 * The membership model (SWIM, heartbeat) as the worker keeps it on the timeline: the
 * MembershipSimulation and its planned actions (PlannedRun), so membership runs get time
 * travel, forks and whole-run links exactly as spreading runs do.
 */
export class MembershipRun extends PlannedRun<MembershipSnapshot, MembershipRoundMetrics> {
  readonly sim: MembershipSimulation;
  /** The round whose messages `sim.messages` holds (−1: none, e.g. just after a restore). */
  private stepped = -1;

  constructor(config: MembershipConfig, schedule: readonly LoggedAction[] = []) {
    super(schedule);
    this.sim = new MembershipSimulation(config, { recordMessages: config.nodes <= MEMBERSHIP_ANIMATE_LIMIT });
    this.runPlanned();
  }

  get round(): number {
    return this.sim.round;
  }

  get log(): LoggedAction[] {
    return this.sim.log;
  }

  /** This round's messages, or null when the simulation did not just run it. */
  get messages() {
    return this.stepped === this.sim.round ? this.sim.messages : null;
  }

  protected advance(): MembershipRoundMetrics {
    const m = this.sim.step();
    this.stepped = this.sim.round;
    return m;
  }

  protected applyPlanned(action: Action): void {
    this.sim.apply(action);
  }

  protected settle(m: MembershipRoundMetrics): MembershipRoundMetrics {
    return m;
  }

  apply(action: Action): void {
    this.sim.apply(action);
  }

  protected save(): MembershipSnapshot {
    return this.sim.snapshot();
  }

  protected load(s: MembershipSnapshot): void {
    this.sim.restore(s);
    this.stepped = -1;
  }
}
