import type { WorkerClientHandlers, WorkerClientOptions, WorkerLike } from './worker-client';

/**
 * For client tests: a client of class `Client` talking to `worker`, with everything it hands
 * the page (messages, failures) recorded.
 *
 * @example
 *   const { worker, client, received, failures } = connectClient(new InProcessWorker(), EngineClient, 1000);
 */
export function connectClient<W extends WorkerLike, FromW, C>(
  worker: W,
  Client: new (handlers: WorkerClientHandlers<FromW>, options: WorkerClientOptions) => C,
  timeoutMs: number,
): { worker: W; client: C; received: FromW[]; failures: string[] } {
  const received: FromW[] = [];
  const failures: string[] = [];
  const client = new Client(
    { onMessage: (m) => received.push(m), onFailure: (f) => failures.push(f) },
    { createWorker: () => worker, timeoutMs },
  );
  return { worker, client, received, failures };
}
