/// <reference lib="webworker" />
import { runTrialTask, type TrialTask } from '../lab/trial-task';
import { errorText } from './error-text';
import type { TrialReply } from './trial-pool';

/**
 * A sweep's trials off the main thread, one task per message. Kept apart from engine.worker.ts:
 * that worker holds the live run the graph shows; these hold nothing between tasks, and Cancel
 * terminates them outright.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<TrialTask>) => {
  let reply: TrialReply;
  try {
    reply = { type: 'result', result: runTrialTask(e.data) };
  } catch (err) {
    reply = { type: 'error', message: `A sweep trial failed: ${errorText(err)}` };
  }
  scope.postMessage(reply);
};
