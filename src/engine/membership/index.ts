/** The membership engines (heartbeat gossip and SWIM): the public surface for the CLI, worker and page. */
export * from './types';
export {
  DEFAULT_HEARTBEAT, DEFAULT_MEMBERSHIP_CONFIG, DEFAULT_SWIM, MAX_TIMER_ROUNDS,
  membershipBytesPerPair, membershipConfigProblems, membershipStateBytes, resolveMembershipConfig,
} from './config';
export { detectionLatencies, detectionTrial, falsePositiveRun, type DetectionStop, type FalsePositiveResult } from './experiments';
export { MembershipSimulation, replayMembership, VIEW_MATRIX_MAX_NODES, type MembershipOptions, type MembershipSnapshot } from './membership-sim';
export { PHI_FACTOR, PHI_INITIAL_INTERVAL, PHI_MAX_INTERVAL, PHI_WINDOW, phiValue } from './phi';
export { PIGGYBACK_BUDGET, pushPullRounds, retransmitLimit, suspicionRounds } from './swim-state';
export { meanAndCi, swimFirstProbeRandom, swimFirstProbeRoundRobin, swimSuspicionProbability } from './theory';
