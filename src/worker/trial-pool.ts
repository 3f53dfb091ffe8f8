import type { TrialExecutor } from '../lab/sweep-run';
import type { TrialTask, TrialTaskResult } from '../lab/trial-task';

/** What a trial worker answers to one task. */
export type TrialReply = { type: 'result'; result: TrialTaskResult } | { type: 'error'; message: string };

/** The part of a Worker the pool uses (tests pass fakes). */
export interface PoolWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<TrialReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Hardware concurrency minus one (the page's own thread keeps a core), at least one. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, (hardwareConcurrency ?? 2) - 1);
}

const createTrialWorker = (): PoolWorker => new Worker(new URL('./trial.worker.ts', import.meta.url), { type: 'module', name: 'gossip-trials' });

/**
 * A pool of trial workers for one sweep: each worker runs one task at a time, so the sweep's
 * runner (which keeps at most `size` tasks out) always finds an idle one. Workers start on
 * first use; terminate() ends them all at once, mid-task, and the pool is spent.
 */
export function createTrialPool(size: number, create: () => PoolWorker = createTrialWorker): TrialExecutor {
  const idle: PoolWorker[] = [];
  const all: PoolWorker[] = [];
  let stopped = false;
  return {
    size,
    run(task: TrialTask): Promise<TrialTaskResult> {
      if (stopped) return Promise.reject(new Error('The sweep was stopped'));
      let w = idle.pop();
      if (!w) {
        if (all.length >= size) return Promise.reject(new Error(`More than ${size} tasks at once`));
        w = create();
        all.push(w);
      }
      const worker = w;
      return new Promise((resolve, reject) => {
        worker.onmessage = (e) => {
          idle.push(worker);
          if (e.data.type === 'result') resolve(e.data.result);
          else reject(new Error(e.data.message));
        };
        worker.onerror = (e) => {
          e.preventDefault();
          reject(new Error(`A sweep worker failed: ${e.message || 'it could not start'}`));
        };
        worker.postMessage(task);
      });
    },
    terminate() {
      stopped = true;
      for (const w of all) w.terminate();
      all.length = 0;
      idle.length = 0;
    },
  };
}
