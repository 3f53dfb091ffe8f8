import type { FromWorker, ToWorker } from './protocol';
import { WorkerClient, type WorkerClientHandlers, type WorkerClientOptions, type WorkerSpec } from './worker-client';

export type EngineClientHandlers = WorkerClientHandlers<FromWorker>;

const ENGINE_WORKER: WorkerSpec<FromWorker> = {
  name: 'simulation',
  createWorker: () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'gossip-engine' }),
  // A 2000-node heartbeat round takes ~0.3 s, and a catch-up asks for many.
  timeoutMs: 20_000,
  closes: (msg) => msg.type === 'frame' || msg.type === 'error' || msg.type === 'comparison',
};

/**
 * The page's handle on the simulation worker (every model: one worker script, one protocol).
 * Every request (init, step, apply, watch, …) is answered by exactly one `frame`,
 * `comparison` or `error`; while any is pending a watchdog runs (see
 * WorkerClient), so a hung or crashed worker becomes a message in the page instead of a frozen run.
 *
 * @example
 *   const client = new EngineClient({ onMessage: (m) => store.receive(m), onFailure: showRestart });
 *   client.send({ type: 'init', model: 'spread', graphId: 1, config, options });
 *   client.terminate();
 */
export class EngineClient extends WorkerClient<ToWorker, FromWorker> {
  constructor(handlers: EngineClientHandlers, options: WorkerClientOptions = {}) {
    super(ENGINE_WORKER, handlers, options);
  }
}
