/// <reference lib="webworker" />
import { runCurve } from '../lab/run-curve';
import { runTrialTask, type TrialTask } from '../lab/trial-task';
import type { CurveReply, CurveRequest } from './curve-client';
import { errorText } from './error-text';
import type { TrialReply } from './trial-pool';

/**
 * A sweep's trials off the main thread, one task per message; and the curves of kept runs
 * (Compare), which run the same trial function. Kept apart from engine.worker.ts: that worker
 * holds the live run the graph shows; these hold nothing between tasks, and Cancel terminates
 * them outright.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<TrialTask | CurveRequest>) => {
  if ('kind' in e.data && e.data.kind === 'curve') {
    const { id, spec } = e.data;
    let curve: CurveReply;
    try {
      curve = { id, points: runCurve(spec) };
    } catch (err) {
      curve = { id, error: `A kept run could not be recomputed: ${errorText(err)}` };
    }
    scope.postMessage(curve);
    return;
  }
  let reply: TrialReply;
  try {
    reply = { type: 'result', result: runTrialTask(e.data as TrialTask) };
  } catch (err) {
    reply = { type: 'error', message: `A sweep trial failed: ${errorText(err)}` };
  }
  scope.postMessage(reply);
};
