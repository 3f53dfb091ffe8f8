import type { CurvePoint, RunSpec } from '../lab/run-curve';

export type { CurvePoint, RunSpec } from '../lab/run-curve';

/** Asks a trial worker for a kept run's curve. */
export interface CurveRequest {
  kind: 'curve';
  id: number;
  spec: RunSpec;
}

export type CurveReply = { id: number; points: CurvePoint[] } | { id: number; error: string };

/** What computes kept runs' curves: a worker in the page, the function itself in tests. */
export type CurveComputer = (spec: RunSpec) => Promise<CurvePoint[]>;

/** The part of a Worker used here. */
export interface CurveWorker {
  postMessage(message: CurveRequest): void;
  onmessage: ((e: MessageEvent<CurveReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

const createCurveWorker = (): CurveWorker => new Worker(new URL('./trial.worker.ts', import.meta.url), { type: 'module', name: 'gossip-kept-runs' });

/**
 * One background worker for kept runs' curves, started on first use; requests queue in it one
 * after another (six kept runs of a page-sized cluster take well under a second together). A
 * worker that fails rejects what it was asked, and the next request starts a fresh one.
 */
export function curveComputer(create: () => CurveWorker = createCurveWorker): CurveComputer {
  let worker: CurveWorker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(p: CurvePoint[]): void; reject(e: Error): void }>();
  const start = (): CurveWorker => {
    const w = create();
    w.onmessage = (e) => {
      const asked = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!asked) return;
      if ('error' in e.data) asked.reject(new Error(e.data.error));
      else asked.resolve(e.data.points);
    };
    w.onerror = (e) => {
      e.preventDefault();
      worker = null;
      for (const asked of waiting.values()) asked.reject(new Error(`The kept runs' worker failed: ${e.message || 'it could not start'}`));
      waiting.clear();
    };
    return w;
  };
  return (spec) => new Promise((resolve, reject) => {
    worker ??= start();
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ kind: 'curve', id, spec });
  });
}
