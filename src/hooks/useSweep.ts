import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimConfig } from '../engine/types';
import { planSweep, type SweepPlan, type SweepProblem, type SweepRequest } from '../lab/sweep-plan';
import { SweepRun, type SweepProgress } from '../lab/sweep-run';
import { createTrialPool, poolSize } from '../worker/trial-pool';

export interface SweepState {
  plan: SweepPlan | null;
  progress: SweepProgress | null;
  /** Why the last request was refused (nothing changed), or null; the panel words it in the page's language. */
  problem: SweepProblem | null;
  /** The refusal is only "this is big": the same request with `confirmed` runs. */
  needsConfirm: boolean;
  workers: number;
}

/**
 * A sweep's life in the page: plan the request (a refusal changes nothing, not even the last
 * results), run it on a fresh pool of trial workers, cancel it, and stop it when the panel goes.
 * Progress reaches React at most once per animation frame, however fast tasks land.
 */
export function useSweep(): SweepState & { start(request: SweepRequest, form: SimConfig): void; cancel(): void } {
  const workers = poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
  const [state, setState] = useState<SweepState>({ plan: null, progress: null, problem: null, needsConfirm: false, workers });
  const run = useRef<SweepRun | null>(null);
  const pending = useRef<SweepProgress | null>(null);
  const frame = useRef(0);

  const flush = useCallback(() => {
    frame.current = 0;
    const p = pending.current;
    if (p) setState((s) => ({ ...s, progress: p }));
  }, []);

  const start = useCallback((request: SweepRequest, form: SimConfig) => {
    if (run.current?.progress().state === 'running') return;
    const planned = planSweep(request, form);
    if (!planned.ok) {
      setState((s) => ({ ...s, problem: planned.problem, needsConfirm: planned.needsConfirm ?? false }));
      return;
    }
    const sweep = new SweepRun(planned.plan, createTrialPool(workers), (p) => {
      pending.current = p;
      // The end of a sweep shows at once; progress waits for the next frame.
      if (p.state !== 'running') flush();
      else if (!frame.current) frame.current = requestAnimationFrame(flush);
    });
    run.current = sweep;
    setState({ plan: planned.plan, progress: null, problem: null, needsConfirm: false, workers });
    sweep.start();
  }, [flush, workers]);

  const cancel = useCallback(() => run.current?.cancel(), []);

  useEffect(() => () => {
    run.current?.cancel();
    cancelAnimationFrame(frame.current);
  }, []);

  return { ...state, start, cancel };
}
