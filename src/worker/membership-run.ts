import { MembershipSimulation, type MembershipConfig, type MembershipMessageBatch, type MembershipRoundMetrics, type MembershipSnapshot } from '../engine/membership';
import type { LoggedAction } from '../engine/types';
import { PlannedRun } from './planned-run';

/** Clusters up to this size get their messages recorded and animated by kind. */
export const MEMBERSHIP_ANIMATE_LIMIT = 200;

/**
 * The membership model (SWIM, heartbeat) as the worker keeps it on the timeline: the
 * MembershipSimulation with its planned actions, so membership runs get time travel, forks and
 * whole-run links exactly as spreading runs do.
 */
export class MembershipRun extends PlannedRun<MembershipSnapshot, MembershipRoundMetrics, MembershipMessageBatch, MembershipSimulation> {
  constructor(config: MembershipConfig, schedule: readonly LoggedAction[] = []) {
    super(new MembershipSimulation(config, { recordMessages: config.nodes <= MEMBERSHIP_ANIMATE_LIMIT }), schedule);
  }
}
