/** The membership engines (heartbeat gossip and SWIM): the public surface for the CLI, worker and page. */
export * from './types';
export {
  DEFAULT_HEARTBEAT, DEFAULT_MEMBERSHIP_CONFIG, DEFAULT_SWIM, MAX_TIMER_ROUNDS,
  membershipConfigProblems, membershipStateBytes, resolveMembershipConfig,
} from './config';
export { crashVictim, detectionLatencies, falsePositiveRun } from './experiments';
export { MembershipSimulation, VIEW_MATRIX_MAX_NODES, type MembershipSnapshot } from './membership-sim';
export { suspicionRounds } from './swim-state';
export { swimFirstProbeRandom, swimFirstProbeRoundRobin, swimSuspicionProbability } from './theory';
