/**
 * What recording who told whom costs (SimulationOptions.traceSpread): full runs at 10^6 nodes,
 * fanout 1, complete graph, seed 1, traced and untraced alternating (3 each, after an untimed
 * 20,000-node warm-up of both), in CPU time of the process. The page traces every run (≤ 10^4
 * nodes); the CLI and the main benchmark do not.
 *
 *   npx tsx bench/trace-cost.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import { DEFAULT_CONFIG } from '../src/engine/config';
import { Simulation } from '../src/engine/simulation';
import type { ProtocolName } from '../src/engine/types';

function run(protocol: ProtocolName, nodes: number, traced: boolean): { ms: number; rounds: number } {
  const sim = new Simulation({ ...DEFAULT_CONFIG, nodes, protocol, fanout: 1, seed: 1 }, { traceSpread: traced });
  const t0 = process.cpuUsage();
  while (sim.world.informed[0] < nodes && sim.round < 200) sim.step();
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000 / sim.round, rounds: sim.round };
}

console.log(`trace cost — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load ${loadavg()[0].toFixed(2)}`);
console.log('protocol    rounds   untraced ms/round      traced ms/round   traced/untraced (fastest)');
for (const protocol of ['push', 'pull', 'push-pull'] as const) {
  run(protocol, 20_000, false);
  run(protocol, 20_000, true);
  const plain: number[] = [], traced: number[] = [];
  let rounds = 0;
  for (let i = 0; i < 3; i++) {
    plain.push(run(protocol, 1_000_000, false).ms);
    const r = run(protocol, 1_000_000, true);
    traced.push(r.ms);
    rounds = r.rounds;
  }
  const f = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  console.log(`${protocol.padEnd(10)} ${String(rounds).padStart(6)}   ${f(plain).padEnd(20)} ${f(traced).padEnd(20)} ${(Math.min(...traced) / Math.min(...plain)).toFixed(2)}×`);
}
console.log(`load after ${loadavg()[0].toFixed(2)}`);
