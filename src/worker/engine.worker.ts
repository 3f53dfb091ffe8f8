/// <reference lib="webworker" />
import { createEngineHost, errorText } from './engine-host';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The engine's home off the main thread: a long run or a 10,000-node round never freezes the
 * page. All logic is in engine-host.ts; this file only connects it to the worker's ports.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createEngineHost((msg, transfer) => scope.postMessage(msg, transfer));

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    host.handle(event.data);
  } catch (e) {
    // Refused actions are answered inside the host; anything that lands here is a bug.
    const fatal: FromWorker = { type: 'fatal', message: `The simulation failed: ${errorText(e)}` };
    scope.postMessage(fatal);
  }
};
