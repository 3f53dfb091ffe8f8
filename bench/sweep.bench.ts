/**
 * Pool throughput of the sweep (issue 14): trials per second at 10^4 nodes with one worker and
 * with the pool, in the same process, one after the other. `npm run bench:sweep [-- --quick]`.
 *
 * The pool is the page's rule, max(1, cores - 1) workers, and also one worker per core, because
 * on a 2-core machine the rule gives a pool of one and the ratio says nothing. Workers are Node
 * worker_threads running the page's task function through the lab's own SweepRun scheduler, so
 * the tasks are cut exactly as in the page. Each measurement is repeated (single, pool, single,
 * pool, …) and the best of each is kept: other processes on a shared machine only ever slow a
 * run down.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CONFIG } from '../src/engine/config';
import { planSweep, type SweepPlan } from '../src/lab/sweep-plan';
import { SweepRun, type TrialExecutor } from '../src/lab/sweep-run';
import type { TrialTask, TrialTaskResult } from '../src/lab/trial-task';

const quick = process.argv.includes('--quick');
const NODES = 10_000;
const REPEATS = quick ? 2 : 3;
/** Trials per worker per measurement: ~4 ms each at 10^4 nodes, so a measurement lasts a second or two. */
const TRIALS_PER_WORKER = quick ? 100 : 300;

/** A worker_threads pool behind the lab's executor interface, as trial-pool.ts is for Web Workers. */
/**
 * Node 20's worker threads do not inherit tsx's ESM loader hooks; tsx's require hook does work
 * in a thread, so the thread registers it and requires the TypeScript entry.
 */
const THREAD_FILE = fileURLToPath(new URL('./sweep-thread.ts', import.meta.url));
const THREAD_BOOT = "require('tsx/cjs/api').register(); require(require('node:worker_threads').workerData);";

function threadPool(size: number): TrialExecutor & { ready: Promise<void>; busyMs(): number } {
  const workers = Array.from({ length: size }, () => new Worker(THREAD_BOOT, { eval: true, workerData: THREAD_FILE }));
  const idle = [...workers];
  let busy = 0;
  // Warm every worker up (module load, JIT) before anything is timed.
  const warm: TrialTask = { id: -1, point: 0, config: { ...DEFAULT_CONFIG, nodes: NODES }, maxRounds: 10_000, first: 1_000_000, count: 20 };
  const ready = Promise.all(workers.map((w) => new Promise<void>((ok) => {
    w.once('message', () => ok());
    w.postMessage(warm);
  }))).then(() => undefined);
  return {
    size,
    ready,
    busyMs: () => busy,
    run: (task) => new Promise<TrialTaskResult>((resolve) => {
      const w = idle.pop()!;
      w.once('message', (r: TrialTaskResult) => {
        idle.push(w);
        busy += r.ms;
        resolve(r);
      });
      w.postMessage(task);
    }),
    terminate: () => {
      for (const w of workers) void w.terminate();
    },
  };
}

function plan(trials: number): SweepPlan {
  const r = planSweep({ param: 'fanout', from: 1, to: 1, steps: 1, trials }, { ...DEFAULT_CONFIG, nodes: NODES, topology: 'complete' });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

/**
 * Trials per second of a whole sweep on a fresh, warmed pool of `size` workers; how busy the
 * scheduler kept the workers (time inside trials, summed, over wall time × workers) and the
 * time of one trial inside a worker. Busy near 1 with slower trials means the workers slowed
 * each other (shared cores, memory), not that the pool left them idle.
 */
async function rate(size: number): Promise<{ perSecond: number; busy: number; msPerTrial: number }> {
  const pool = threadPool(size);
  await pool.ready;
  const p = plan(TRIALS_PER_WORKER * size);
  const t0 = performance.now();
  await new Promise<void>((done) => new SweepRun(p, pool, (pr) => {
    if (pr.state === 'done') done();
  }).start());
  const ms = performance.now() - t0;
  pool.terminate();
  return { perSecond: (1000 * p.trials) / ms, busy: pool.busyMs() / (ms * size), msPerTrial: pool.busyMs() / p.trials };
}

const cores = availableParallelism();
const rule = Math.max(1, cores - 1);
const rows: [string, number][] = [['one worker', 1], [`pool, cores - 1 (the page's rule)`, rule], ['pool, one per core', cores]];
const sizes = [...new Set(rows.map(([, size]) => size))];
const best = new Map<number, Awaited<ReturnType<typeof rate>>>();
for (let i = 0; i < REPEATS; i++) {
  for (const size of sizes) {
    const r = await rate(size);
    if (r.perSecond > (best.get(size)?.perSecond ?? 0)) best.set(size, r);
  }
}
const single = best.get(1)!.perSecond;
console.log(`sweep pool throughput: push f=1, complete graph, ${NODES.toLocaleString('en-US')} nodes; ${cores} cores (availableParallelism); best of ${REPEATS}`);
console.log(`${'run'.padEnd(34)} workers  busy  ms/trial  trials/s  speed-up  target 0.7 x workers x single  ratio to target`);
for (const [name, size] of rows) {
  const { perSecond: r, busy, msPerTrial } = best.get(size)!;
  const target = 0.7 * size * single;
  console.log(`${name.padEnd(34)} ${String(size).padStart(7)}  ${busy.toFixed(2).padStart(4)}  ${msPerTrial.toFixed(2).padStart(8)}  ${r.toFixed(1).padStart(8)}  ${(r / single).toFixed(2).padStart(8)}  ${target.toFixed(1).padStart(29)}  ${(r / target).toFixed(2).padStart(15)}`);
}
