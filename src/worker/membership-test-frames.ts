import { createMembershipHost } from './membership-host';
import type { FromMembershipWorker, MembershipWireFrame } from './membership-protocol';

/**
 * For tests: the frame a real 12-node membership run sends after `rounds` rounds, with node
 * `crash` crashed after round 1, node 0 watched (and the belief matrix, when asked for).
 */
export function membershipFrameAfter(protocol: 'swim' | 'heartbeat', rounds: number, crash: number, matrix = false): MembershipWireFrame {
  let last: MembershipWireFrame | null = null;
  const host = createMembershipHost((m: FromMembershipWorker) => {
    if (m.type === 'frame') last = m.frame;
  });
  host.handle({ type: 'init', runId: 1, config: { protocol, nodes: 12, seed: 2, loss: 0 }, schedule: [{ round: 1, action: { type: 'crash', node: crash } }] });
  host.handle({ type: 'watch', node: 0, matrix });
  host.handle({ type: 'step', requestId: 1, count: rounds });
  return last!;
}
