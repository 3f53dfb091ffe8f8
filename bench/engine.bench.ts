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
 *
 * Each size runs in a child process of its own (node --expose-gc), engine first, so that
 * memory figures are not polluted by other sizes or by the naive baseline's garbage.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Simulation } from '../src/engine/simulation';
import { timeEngine, timeNaive, WORKLOADS, type Timing } from './naive/measure';

/** The naive baseline's full runs stop here (a 10^6 full run takes minutes). */
const NAIVE_FULL_MAX = 100_000;
/** Its steady-state rounds stop here (10^7 nodes as objects and Maps would need ~25 GB). */
const NAIVE_STEADY_MAX = 1_000_000;

interface Memory { rssMB: number; heapUsedMB: number; arrayBuffersMB: number }
interface Row { workload: string; engine: Timing; naive: Timing | null; engineMemory: Memory }
interface SizeResult { nodes: number; rows: Row[]; note: string | null }

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const memory = (): Memory => {
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), arrayBuffersMB: mb(m.arrayBuffers) };
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

function parseFlags(argv: string[]): { sizes: number[]; json: boolean; naive: boolean; child: number | null } {
  let sizes = [1e4, 1e5, 1e6, 1e7];
  let json = false;
  let naive = true;
  let child: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') sizes = [1e4, 1e5];
    else if (a === '--json') json = true;
    else if (a === '--no-naive') naive = false;
    else if (a === '--sizes' && argv[i + 1]) sizes = argv[++i].split(',').map(parseSize);
    else if (a === '--child' && argv[i + 1]) child = parseSize(argv[++i]);
    else throw new Error(`unknown argument "${a}": use --quick, --sizes 1e4,1e6, --no-naive or --json`);
  }
  return { sizes, json, naive, child };
}

function runChild(n: number, naive: boolean): SizeResult {
  const self = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', '--import', 'tsx', self, '--child', String(n), ...(naive ? [] : ['--no-naive'])];
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`the ${n}-node run failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as SizeResult;
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
  console.log(`${'nodes'.padEnd(10)} ${'workload'.padEnd(10)} ${pad('RSS', 8)} ${pad('heap', 8)} ${pad('buffers', 8)} ${pad('B/node', 8)}`);
  for (const s of results) {
    for (const r of s.rows) {
      const m = r.engineMemory;
      console.log(`${s.nodes.toLocaleString('en-US').padEnd(10)} ${r.workload.padEnd(10)} ${pad(fmt(m.rssMB, 1), 8)} ${pad(fmt(m.heapUsedMB, 1), 8)} ${pad(fmt(m.arrayBuffersMB, 1), 8)} ${pad(((m.arrayBuffersMB * 1e6) / s.nodes).toFixed(1), 8)}`);
    }
  }
}

function main(): void {
  const { sizes, json, naive, child } = parseFlags(process.argv.slice(2));
  if (child !== null) {
    console.log(JSON.stringify(measureSize(child, naive)));
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
    results.push(runChild(n, naive));
  }
  const loadAfter = loadavg()[0].toFixed(2);
  if (json) console.log(JSON.stringify({ ...header, loadAfter, results }, null, 2));
  else {
    printTable(results);
    console.log(`\nLoad average (1 min) before ${header.loadBefore}, after ${loadAfter}, on ${cpus().length} cores.`);
  }
}

try {
  main();
} catch (e) {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
