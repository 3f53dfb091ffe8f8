import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { runTrialTask, type TrialTask } from '../lab/trial-task';
import { createTrialPool, poolSize, type PoolWorker, type TrialReply } from './trial-pool';

/** A worker that answers on the next macrotask, like a real one, running the real task. */
class FakeWorker implements PoolWorker {
  static made = 0;
  onmessage: ((e: MessageEvent<TrialReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  busy = false;
  constructor() {
    FakeWorker.made++;
  }
  postMessage(task: TrialTask): void {
    expect(this.busy).toBe(false); // one task at a time per worker
    this.busy = true;
    setTimeout(() => {
      this.busy = false;
      if (!this.terminated) this.onmessage?.({ data: { type: 'result', result: runTrialTask(task) } } as MessageEvent<TrialReply>);
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const task = (id: number): TrialTask => ({ id, point: 0, config: { ...DEFAULT_CONFIG, nodes: 100 }, maxRounds: 1000, first: id, count: 1 });

describe('trial pool', () => {
  it('is hardware concurrency minus one, at least one', () => {
    expect([poolSize(8), poolSize(2), poolSize(1), poolSize(undefined)]).toEqual([7, 1, 1, 1]);
  });

  it('starts no more workers than its size, reuses idle ones and terminates them all', async () => {
    FakeWorker.made = 0;
    const workers: FakeWorker[] = [];
    const pool = createTrialPool(2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const first = await Promise.all([pool.run(task(0)), pool.run(task(1))]);
    expect(first.map((r) => r.first)).toEqual([0, 1]);
    await pool.run(task(2));
    expect(FakeWorker.made).toBe(2);
    pool.terminate();
    expect(workers.every((w) => w.terminated)).toBe(true);
    await expect(pool.run(task(3))).rejects.toThrow(/stopped/);
  });

  it('turns a worker error into a rejected task', async () => {
    const pool = createTrialPool(1, () => ({
      onmessage: null,
      onerror: null,
      postMessage(this: PoolWorker) {
        setTimeout(() => this.onmessage?.({ data: { type: 'error', message: 'A sweep trial failed: boom' } } as MessageEvent<TrialReply>), 0);
      },
      terminate() {},
    }));
    await expect(pool.run(task(0))).rejects.toThrow('A sweep trial failed: boom');
  });
});
