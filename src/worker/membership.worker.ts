/// <reference lib="webworker" />
import { createMembershipHost, errorText } from './membership-host';
import type { FromMembershipWorker, ToMembershipWorker } from './membership-protocol';

/**
 * The membership engines off the main thread: a 2000-node heartbeat round (O(n²) by design)
 * takes a few hundred milliseconds and must not freeze the page. All logic is in
 * membership-host.ts; this file only connects it to the worker's ports.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createMembershipHost((msg, transfer) => scope.postMessage(msg, transfer));

scope.onmessage = (event: MessageEvent<ToMembershipWorker>) => {
  try {
    host.handle(event.data);
  } catch (e) {
    // Refused requests are answered inside the host; anything that lands here is a bug.
    const fatal: FromMembershipWorker = { type: 'fatal', message: `The membership simulation failed: ${errorText(e)}` };
    scope.postMessage(fatal);
  }
};
