/**
 * Engine benchmark: ms per round of push (fanout 1 and 3), pull and push-pull on the complete
 * graph, against a naive object-per-node implementation (bench/naive/) doing the same work in
 * the same process, and the memory of a 10^7-node run.
 *
 *   npm run bench                       10^4 … 10^7 (several minutes on 2 cores)
 *   npm run bench -- --quick            10^4 and 10^5 only (CI smoke, ~1 minute)
 *   npm run bench -- --sizes 1e4,1e6    chosen sizes
 *   npm run bench -- --no-naive         the engine alone (quick engine figures)
 *   npm run bench -- --json             one JSON document instead of the table
 *   npm run bench -- --reference        only the ratios against the minimal reference (and 10^7 memory)
 *   npm run bench -- --no-reference     skip them
 *
 * Every run also prints the engine's time per round against the minimal bitset reference
 * (bench/reference/) at 10^6 nodes, fanout 1, for push, pull and push-pull (issue 15's goals).
 *
 * Each size runs in a child process of its own (node --expose-gc), engine first, so that
 * memory figures are not polluted by other sizes or by the naive baseline's garbage.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { timeEngine, timeNaive, WORKLOADS, type Timing } from './naive/measure';
import { measureRatios, type RatioRow } from './reference/ratios';
import { DEFAULT_CONFIG } from '../src/engine/config';
import { Simulation } from '../src/engine/simulation';

/** The naive baseline's full runs stop here (a 10^6 full run takes minutes). */
const NAIVE_FULL_MAX = 100_000;
/** Its steady-state rounds stop here (10^7 nodes as objects and Maps would need ~25 GB). */
const NAIVE_STEADY_MAX = 1_000_000;

interface Memory { rssMB: number; heapUsedMB: number; arrayBuffersMB: number; peakRssMB: number }
interface Row { workload: string; engine: Timing; naive: Timing | null; engineMemory: Memory }
interface SizeResult { nodes: number; rows: Row[]; note: string | null }

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const memory = (): Memory => {
  const m = process.memoryUsage();
  // maxRSS (KiB): the process's peak so far, which a finished run's RSS alone can hide.
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), arrayBuffersMB: mb(m.arrayBuffers), peakRssMB: mb(process.resourceUsage().maxRSS * 1024) };
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Child: every workload at one size; prints one JSON line. */
function measureSize(n: number, naive: boolean): SizeResult {
  const big = n >= 1_000_000;
  const warmup = big ? 1 : 3;
  const rounds = n >= 10_000_000 ? 3 : big ? 5 : 15;
  const rows: Row[] = [];
  for (const w of WORKLOADS) {
    gc();
    const hold: { sim?: Simulation } = {};
    const engine = timeEngine(n, w, warmup, rounds, hold);
    gc();
    const engineMemory = memory();
    hold.sim = undefined;
    rows.push({ workload: w.name, engine, naive: null, engineMemory });
  }
  let note: string | null = null;
  if (!naive) note = 'naive: not run (--no-naive)';
  else if (n <= NAIVE_STEADY_MAX) {
    const full = n <= NAIVE_FULL_MAX;
    if (!full) note = `naive: steady state only above ${NAIVE_FULL_MAX.toLocaleString('en-US')} nodes (a full run takes minutes)`;
    for (const row of rows) {
      gc();
      const w = WORKLOADS.find((x) => x.name === row.workload)!;
      row.naive = timeNaive(n, w, full, big ? 1 : 2, big ? 2 : 5);
    }
  } else {
    note = `naive: skipped above ${NAIVE_STEADY_MAX.toLocaleString('en-US')} nodes (objects and Maps need ~2.4 KB per node: ~25 GB)`;
  }
  return { nodes: n, rows, note };
}

function parseSize(s: string): number {
  const v = /^\d+e\d+$/i.test(s) ? Number(s) : /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(v) || v < 10 || v > 10_000_000) throw new Error(`--sizes: each size must be an integer from 10 to 10,000,000 (1e4 notation allowed), got "${s}"`);
  return v;
}

interface Flags { sizes: number[]; json: boolean; naive: boolean; reference: boolean; child: number | null; childKind: 'size' | 'ratios' | 'memory' }

function parseFlags(argv: string[]): Flags {
  const f: Flags = { sizes: [1e4, 1e5, 1e6, 1e7], json: false, naive: true, reference: true, child: null, childKind: 'size' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') f.sizes = [1e4, 1e5];
    else if (a === '--json') f.json = true;
    else if (a === '--no-naive') f.naive = false;
    else if (a === '--no-reference') f.reference = false;
    else if (a === '--reference') f.sizes = [];
    else if (a === '--sizes' && argv[i + 1]) f.sizes = argv[++i].split(',').map(parseSize);
    else if (a === '--child' && argv[i + 1]) f.child = parseSize(argv[++i]);
    else if (a === '--child-ratios' && argv[i + 1]) [f.child, f.childKind] = [parseSize(argv[++i]), 'ratios'];
    else if (a === '--child-memory' && argv[i + 1]) [f.child, f.childKind] = [parseSize(argv[++i]), 'memory'];
    else throw new Error(`unknown argument "${a}": use --quick, --sizes 1e4,1e6, --no-naive, --reference, --no-reference or --json`);
  }
  return f;
}

/** Issue 15's goals: engine ms per round ≤ this many times the minimal reference's. */
const RATIO_GOALS: Record<string, number> = { push: 2.0, pull: 3.0, 'push-pull': 3.0 };
const RATIO_NODES = 1_000_000;
const RATIO_REPS = 3;
const MEMORY_NODES = 10_000_000;
const MEMORY_GOAL_MB = 200;

/** Child: a full push-pull run (every message answered) at 10^7 nodes, memory with the run alive. */
function measureMemory(n: number): { nodes: number; rounds: number; memory: Memory } {
  const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol: 'push-pull' });
  while (sim.world.informed[0] < n) sim.step();
  gc();
  return { nodes: n, rounds: sim.round, memory: memory() };
}

function runChild<T>(childArgs: string[], what: string): T {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...childArgs], {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

const fmt = (v: number | null | undefined, digits = 2): string => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(digits));
const ratio = (naive: number | null | undefined, engine: number | null | undefined): string =>
  naive == null || engine == null ? '—' : `${(naive / engine).toFixed(0)}×`;
const pad = (s: string, w: number): string => s.padStart(w);

function printTable(results: SizeResult[]): void {
  const header = ['nodes', 'workload', 'rounds', 'engine steady', 'engine min', 'engine full', 'naive steady', 'naive full', 'ratio steady', 'ratio full'];
  const widths = [10, 10, 7, 14, 11, 12, 13, 11, 13, 11];
  console.log(header.map((h, i) => (i < 2 ? h.padEnd(widths[i]) : pad(h, widths[i]))).join(' '));
  for (const s of results) {
    for (const r of s.rows) {
      const cells = [
        s.nodes.toLocaleString('en-US'), r.workload, String(r.engine.rounds ?? '—'),
        fmt(r.engine.steadyMedian), fmt(r.engine.steadyMin), fmt(r.engine.fullMean), fmt(r.naive?.steadyMedian), fmt(r.naive?.fullMean),
        ratio(r.naive?.steadyMedian, r.engine.steadyMedian), ratio(r.naive?.fullMean, r.engine.fullMean),
      ];
      console.log(cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : pad(c, widths[i]))).join(' '));
    }
    if (s.note) console.log(`  (${s.note})`);
  }
  console.log('\nms per round; steady = median with every node informed (min = its fastest round), full = mean over a run from one informed node.');
  console.log('\nEngine memory with the simulation alive after its run (MB):');
  console.log(`${'nodes'.padEnd(10)} ${'workload'.padEnd(10)} ${pad('RSS', 8)} ${pad('peak RSS', 9)} ${pad('heap', 8)} ${pad('buffers', 8)} ${pad('B/node', 8)}`);
  for (const s of results) {
    for (const r of s.rows) {
      const m = r.engineMemory;
      console.log(`${s.nodes.toLocaleString('en-US').padEnd(10)} ${r.workload.padEnd(10)} ${pad(fmt(m.rssMB, 1), 8)} ${pad(fmt(m.peakRssMB, 1), 9)} ${pad(fmt(m.heapUsedMB, 1), 8)} ${pad(fmt(m.arrayBuffersMB, 1), 8)} ${pad(((m.arrayBuffersMB * 1e6) / s.nodes).toFixed(1), 8)}`);
    }
  }
}

function printRatios(rows: RatioRow[], mem: ReturnType<typeof measureMemory>): void {
  console.log(`\nEngine / minimal reference (bench/reference/bitset-gossip.ts), ${RATIO_NODES.toLocaleString('en-US')} nodes, fanout 1, complete graph:`);
  console.log(`full runs from one informed node, mean ms per round, ${RATIO_REPS} runs of each alternating; ratio of the fastest runs (median runs):`);
  console.log(`${'protocol'.padEnd(10)} ${pad('rounds', 9)} ${pad('engine ms', 22)} ${pad('reference ms', 22)} ${pad('ratio', 7)} ${pad('(median)', 9)} ${pad('goal', 6)}`);
  for (const r of rows) {
    const goal = RATIO_GOALS[r.protocol];
    const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
    console.log(`${r.protocol.padEnd(10)} ${pad(`${r.engineRounds}/${r.referenceRounds}`, 9)} ${pad(list(r.engineMs), 22)} ${pad(list(r.referenceMs), 22)} ${pad(`${r.ratioMin.toFixed(2)}×`, 7)} ${pad(`(${r.ratioMedian.toFixed(2)}×)`, 9)} ${pad(`≤ ${goal.toFixed(1)}×`, 6)} ${r.ratioMin <= goal ? 'met' : `missed by ${(r.ratioMin / goal).toFixed(2)}×`}`);
  }
  const m = mem.memory;
  console.log(`\n${mem.nodes.toLocaleString('en-US')} nodes, push-pull run to the end (${mem.rounds} rounds), simulation alive: RSS ${m.rssMB} MB, peak RSS ${m.peakRssMB} MB, typed arrays ${m.arrayBuffersMB} MB (goal: under ${MEMORY_GOAL_MB} MB: ${m.peakRssMB < MEMORY_GOAL_MB ? 'met' : 'missed'})`);
}

function main(): void {
  const { sizes, json, naive, reference, child, childKind } = parseFlags(process.argv.slice(2));
  if (child !== null) {
    const out = childKind === 'ratios' ? measureRatios(child, RATIO_REPS) : childKind === 'memory' ? measureMemory(child) : measureSize(child, naive);
    console.log(JSON.stringify(out));
    return;
  }
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  const header = {
    date: new Date().toISOString().slice(0, 10), commit, node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    // The machine is shared: a load average above the core count means every figure is inflated.
    loadBefore: loadavg()[0].toFixed(2),
  };
  if (!json) console.log(`Gossip Lab engine benchmark — ${header.date}, commit ${header.commit}, Node ${header.node}, ${header.cpu}, load ${header.loadBefore}\n`);
  const results: SizeResult[] = [];
  for (const n of sizes) {
    if (!json) process.stderr.write(`measuring ${n.toLocaleString('en-US')} nodes…\n`);
    results.push(runChild<SizeResult>(['--child', String(n), ...(naive ? [] : ['--no-naive'])], `the ${n}-node run`));
  }
  let ratios: RatioRow[] | null = null;
  let mem: ReturnType<typeof measureMemory> | null = null;
  if (reference) {
    if (!json) process.stderr.write(`measuring engine / reference at ${RATIO_NODES.toLocaleString('en-US')} nodes, and memory at ${MEMORY_NODES.toLocaleString('en-US')}…\n`);
    ratios = runChild<RatioRow[]>(['--child-ratios', String(RATIO_NODES)], 'the reference comparison');
    mem = runChild<ReturnType<typeof measureMemory>>(['--child-memory', String(MEMORY_NODES)], 'the memory run');
  }
  const loadAfter = loadavg()[0].toFixed(2);
  if (json) console.log(JSON.stringify({ ...header, loadAfter, results, ratios, memory: mem }, null, 2));
  else {
    if (results.length > 0) printTable(results);
    if (ratios && mem) printRatios(ratios, mem);
    console.log(`\nLoad average (1 min) before ${header.loadBefore}, after ${loadAfter}, on ${cpus().length} cores.`);
  }
}

try {
  main();
} catch (e) {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
