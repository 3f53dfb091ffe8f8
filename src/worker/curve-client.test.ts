import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { runCurve } from '../lab/run-curve';
import { curveComputer, type CurveReply, type CurveRequest, type CurveWorker } from './curve-client';

/** A worker that answers as trial.worker.ts does, when told to (or fails). */
function fakeWorkers() {
  const made: (CurveWorker & { asked: CurveRequest[]; answer(i: number): void; fail(): void })[] = [];
  const create = (): CurveWorker => {
    const w = {
      asked: [] as CurveRequest[],
      onmessage: null as ((e: MessageEvent<CurveReply>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage(m: CurveRequest) { w.asked.push(m); },
      answer(i: number) {
        const req = w.asked[i];
        const data: CurveReply = req.spec.config.nodes > 0 ? { id: req.id, points: runCurve(req.spec) } : { id: req.id, error: 'no nodes' };
        w.onmessage?.({ data } as MessageEvent<CurveReply>);
      },
      fail() { w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent); },
    };
    made.push(w);
    return w;
  };
  return { made, create };
}

const spec = (fanout: number) => ({ config: { ...DEFAULT_CONFIG, nodes: 50, fanout }, actions: [], round: 0 });

describe('the kept runs\' worker client', () => {
  it('starts one worker on first use and matches answers to requests, in any order', async () => {
    const { made, create } = fakeWorkers();
    const compute = curveComputer(create);
    expect(made).toHaveLength(0);
    const a = compute(spec(1)), b = compute(spec(3));
    expect(made).toHaveLength(1);
    made[0].answer(1);
    made[0].answer(0);
    expect(await a).toEqual(runCurve(spec(1)));
    expect(await b).toEqual(runCurve(spec(3)));
  });

  it('rejects with the worker\'s message, and after a crash starts a fresh worker', async () => {
    const { made, create } = fakeWorkers();
    const compute = curveComputer(create);
    const bad = compute({ ...spec(1), config: { ...spec(1).config, nodes: 0 } });
    made[0].answer(0);
    await expect(bad).rejects.toThrow('no nodes');
    const lost = compute(spec(2));
    made[0].fail();
    await expect(lost).rejects.toThrow(/worker failed: boom/);
    const next = compute(spec(2));
    expect(made).toHaveLength(2);
    made[1].answer(0);
    expect((await next).length).toBeGreaterThan(1);
  });
});
