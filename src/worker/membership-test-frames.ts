import { frameIn, hostHarness } from './host-harness';
import type { MembershipFrame } from './protocol';

/**
 * For tests: the frame a real 12-node membership run sends after `rounds` rounds, with node
 * `crash` crashed after round 1, node 0 watched (and the belief matrix, when asked for).
 */
export function membershipFrameAfter(protocol: 'swim' | 'heartbeat', rounds: number, crash: number, matrix = false): MembershipFrame {
  const { send } = hostHarness();
  send({ type: 'init', model: 'membership', graphId: 1, config: { protocol, nodes: 12, seed: 2, loss: 0 }, schedule: [{ round: 1, action: { type: 'crash', node: crash } }] });
  send({ type: 'watch', node: 0, matrix });
  return frameIn(send({ type: 'step', requestId: 1, count: rounds })) as MembershipFrame;
}
