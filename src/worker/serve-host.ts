/// <reference lib="webworker" />
import { errorText } from './error-text';

/** A worker host as both hosts are made: given how to post to the page, it handles the page's requests. */
export type HostFactory<ToW> = (post: (msg: unknown, transfer: Transferable[]) => void) => { handle(msg: ToW): void };

/**
 * Connects a host to this worker's ports. Refused requests are answered inside the host;
 * anything thrown out of it is a bug, reported to the page as `fatal` ("<failure>: <why>") so
 * the page offers a restart. `describe` words what was thrown (a host may know its own errors).
 *
 * @example
 *   serveHost(createEngineHost, 'The simulation failed');   // in engine.worker.ts
 */
export function serveHost<ToW>(createHost: HostFactory<ToW>, failure: string, describe: (e: unknown) => string = errorText): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const host = createHost((msg, transfer) => scope.postMessage(msg, transfer));
  scope.onmessage = (event: MessageEvent<ToW>) => {
    try {
      host.handle(event.data);
    } catch (e) {
      scope.postMessage({ type: 'fatal', message: `${failure}: ${describe(e)}` });
    }
  };
}
