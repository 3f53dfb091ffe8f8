import type { FromMembershipWorker, ToMembershipWorker } from './membership-protocol';
import { WorkerClient, type WorkerClientHandlers, type WorkerClientOptions, type WorkerSpec } from './worker-client';

export type MembershipClientHandlers = WorkerClientHandlers<FromMembershipWorker>;
export type MembershipClientOptions = WorkerClientOptions;

const MEMBERSHIP_WORKER: WorkerSpec<FromMembershipWorker> = {
  name: 'membership simulation',
  createWorker: () => new Worker(new URL('./membership.worker.ts', import.meta.url), { type: 'module', name: 'gossip-membership' }),
  // Longer than the engine's: a 2000-node heartbeat round takes ~0.3 s.
  timeoutMs: 20_000,
  closes: (msg) => msg.type === 'frame' || msg.type === 'error' || msg.type === 'comparison',
};

/**
 * The page's handle on the membership worker: a WorkerClient with a watchdog while any request
 * is pending, so a hung or crashed worker becomes a message on the page instead of a frozen run.
 *
 * @example
 *   const client = new MembershipClient({ onMessage: (m) => session.receive(m), onFailure: showRestart });
 *   client.send({ type: 'init', runId: 1, config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0 }, schedule: [] });
 *   client.terminate();
 */
export class MembershipClient extends WorkerClient<ToMembershipWorker, FromMembershipWorker> {
  constructor(handlers: MembershipClientHandlers, options: MembershipClientOptions = {}) {
    super(MEMBERSHIP_WORKER, handlers, options);
  }
}
