import { EngineClient } from '../worker/client';
import { InProcessWorker } from '../worker/in-process-worker';
import type { FormValues } from '../run/form';
import { createFrameSource } from '../view/live-frame-source';
import { Session } from './session';
import { createGossipStore } from '../store/store';
import { TestClock } from './test-clock';
import { stateHash } from '../run/state-hash';

/**
 * A Session on an in-process engine worker and a hand-driven clock, for tests: messages cross
 * only when flushed (every timer flushes), exactly as between threads.
 */
export function sessionHarness(form: Partial<FormValues> = {}) {
  const store = createGossipStore();
  store.setState((s) => ({ form: { ...s.form, ...form } }));
  const frames = createFrameSource();
  const workers: InProcessWorker[] = [];
  const flush = () => workers.at(-1)?.flush();
  const clock = new TestClock(flush);
  const session = new Session({
    store, frames,
    createClient: (handlers) => new EngineClient(handlers, {
      createWorker: () => {
        const w = new InProcessWorker();
        workers.push(w);
        return w;
      },
      timeoutMs: 1e8,
    }),
    now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
  });
  session.start();
  flush();
  const state = () => store.getState();
  /** Advances time while the run plays, until it pauses (or `maxMs` passes). */
  const playOut = (maxMs = 120_000) => {
    for (let t = 0; t < maxMs && state().status === 'playing'; t += 100) clock.advance(100);
  };
  return { store, frames, clock, session, workers, flush, state, playOut, worker: () => workers.at(-1)! };
}

type Harness = ReturnType<typeof sessionHarness>;

/** The state hash of the frame the harness's page shows. */
export const hashNow = (h: Harness): string => stateHash(h.frames.frame()!);

/** Steps `n` rounds one by one, each answered before the next. */
export function stepTimes(h: Harness, n: number): void {
  for (let i = 0; i < n; i++) {
    h.session.step();
    h.flush();
  }
}
