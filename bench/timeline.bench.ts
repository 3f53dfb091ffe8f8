/**
 * Time-travel budget (issue 6): memory of a long run kept on the timeline, and the time to
 * seek an arbitrary round. `npm run bench:timeline [-- --quick]`.
 * Measured in one process: heap and array buffers before and after, seeks timed one by one.
 */
import { DEFAULT_CONFIG } from '../src/engine/config';
import { Simulation } from '../src/engine/simulation';
import { Timeline } from '../src/engine/timeline';
import type { SimConfig } from '../src/engine/types';

const quick = process.argv.includes('--quick');

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A run that keeps changing: churn and repeated writes, so every checkpoint differs. */
function config(nodes: number): SimConfig {
  return { ...DEFAULT_CONFIG, nodes, protocol: 'push-pull', topology: 'random', degree: 6, loss: 0.05, crashRate: 0.001, recoverRate: 0.05 };
}

function build(nodes: number, rounds: number) {
  const tl = new Timeline(new Simulation(config(nodes), { trackNodeStats: true, recordMessages: nodes <= 500 }));
  while (tl.last < rounds) {
    tl.advance();
    if (tl.last % 50 === 0) {
      const sim = tl.sim as Simulation;
      let node = (tl.last * 7919) % nodes;
      while (!sim.world.alive[node]) node = (node + 1) % nodes;
      tl.apply({ type: 'write', node, key: 0 });
    }
  }
  return tl;
}

/** Times `count` seeks to rounds of a fixed pseudo-random sequence; sorted, in ms. */
let x = 12345;
function seekTimes(tl: ReturnType<typeof build>, rounds: number, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const s = performance.now();
    tl.seek(x % (rounds + 1));
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b);
}

/** Builds a run, saying how long it took and what the timeline holds. */
function measured(nodes: number, rounds: number) {
  const before = memory();
  const t0 = performance.now();
  const tl = build(nodes, rounds);
  const seconds = (performance.now() - t0) / 1000;
  return { tl, seconds, mb: mb(memory() - before) };
}

const memRounds = quick ? 1000 : 10_000;
const big = measured(5000, memRounds);
console.log(`5000 nodes × ${memRounds} rounds: built in ${big.seconds.toFixed(1)} s, ${big.tl.checkpointCount} checkpoints, timeline memory ${big.mb} MB (heap + array buffers)`);

const seekRounds = quick ? 1000 : 10_000;
const times = seekTimes(build(2000, seekRounds), seekRounds, 200);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`2000 nodes, ${seekRounds} rounds: seek to 200 random rounds: median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);

// Issue 16's budget: a long run with churn at 10^4 nodes stays within the checkpoint budget
// (the spacing doubles instead), and any round is still shown quickly.
const longRounds = quick ? 20_000 : 100_000;
const long = measured(10_000, longRounds);
console.log(`10,000 nodes × ${longRounds.toLocaleString('en-US')} rounds with churn: built in ${long.seconds.toFixed(1)} s; ${long.tl.checkpointCount} checkpoints ${long.tl.spacing} rounds apart holding ${mb(long.tl.checkpointBytes)} MB; timeline memory ${long.mb} MB (heap + array buffers, metrics included)`);
const longTimes = seekTimes(long.tl, longRounds, 40);
console.log(`  seek to 40 random rounds: median ${longTimes[20].toFixed(0)} ms, max ${longTimes[39].toFixed(0)} ms`);
