/**
 * A benchmark pool worker: the page's trial.worker.ts in Node's worker_threads, running the
 * same task function (runTrialTask, hence the CLI's runTrial) on the same messages.
 */
import { parentPort } from 'node:worker_threads';
import { runTrialTask, type TrialTask } from '../src/lab/trial-task';

parentPort!.on('message', (task: TrialTask) => parentPort!.postMessage(runTrialTask(task)));
