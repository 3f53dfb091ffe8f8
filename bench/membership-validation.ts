/**
 * Produces the figures of docs/validation-membership.md from real runs of the membership
 * engines: `npx tsx bench/membership-validation.ts [--quick] [--only=swimDetection,cost,…]`.
 * Prints Markdown tables.
 * Deterministic (fixed seeds); a full run takes a few minutes on the shared 2-core machine.
 */
import { detectionLatencies, falsePositiveRun } from '../src/engine/membership/experiments';
import { MembershipSimulation } from '../src/engine/membership/membership-sim';
import { membershipStateBytes } from '../src/engine/membership/config';
import { suspicionRounds } from '../src/engine/membership/swim-state';
import { meanAndCi, swimFirstProbeRandom, swimFirstProbeRoundRobin, swimSuspicionProbability } from '../src/engine/membership/theory';
import type { MembershipConfig } from '../src/engine/membership/types';

const quick = process.argv.includes('--quick');
const scale = (k: number): number => (quick ? Math.max(5, Math.round(k / 10)) : k);
const f = (x: number, d = 2): string => x.toFixed(d);
const pm = (xs: number[]): string => {
  const { mean, ci95 } = meanAndCi(xs);
  return `${f(mean)} ± ${f(ci95)}`;
};
const row = (cells: (string | number)[]): void => console.log(`| ${cells.join(' | ')} |`);

function swimDetection(): void {
  console.log('\n### SWIM: rounds from a crash to the first suspicion (no loss)\n');
  row(['n', 'probe targets', 'trials', 'simulated mean ± 95 % CI', 'analysis', 'max seen']);
  row(['---:', '---', '---:', '---:', '---:', '---:']);
  for (const [n, trials] of [[20, 2000], [100, 2000], [500, 400], [2000, 100]] as const) {
    for (const probeSelection of ['random', 'round-robin'] as const) {
      const t = scale(trials);
      const lat = detectionLatencies({ protocol: 'swim', nodes: n, seed: 10_000, loss: 0, swim: { probeSelection } }, t, 2, 'first-suspect', 4 * n);
      const expected = probeSelection === 'random' ? swimFirstProbeRandom(n) : swimFirstProbeRoundRobin(n);
      row([n, probeSelection, t, pm(lat.firstSuspect), f(expected, 3), Math.max(...lat.firstSuspect)]);
    }
  }
}

function swimFullDetection(): void {
  console.log('\n### SWIM (memberlist defaults): first suspicion, first death, every live node knows (no loss)\n');
  row(['n', 'trials', 'first suspicion', 'suspicion timeout', 'first death', 'all live nodes know']);
  row(['---:', '---:', '---:', '---:', '---:', '---:']);
  for (const [n, trials] of [[20, 1000], [100, 1000], [500, 1000], [2000, 60]] as const) {
    const t = scale(trials);
    const lat = detectionLatencies({ protocol: 'swim', nodes: n, seed: 20_000, loss: 0 }, t, 2, 'all-know', 200);
    row([n, t, pm(lat.firstSuspect), suspicionRounds(4, n), pm(lat.firstDead), pm(lat.allKnow)]);
  }
}

function swimFalsePositives(): void {
  const n = 50, rounds = scale(1000), seeds = 3;
  console.log(`\n### SWIM: false positives on a lossy network (n = ${n}, no crashes, ${seeds} seeds × ${rounds} rounds after 10 of warm-up; rates per 1000 node-rounds)\n`);
  row(['loss', 'SuspicionMult', 'timeout (rounds)', 'suspicions', 'analysis', 'refutations', 'live nodes declared dead', 'dead declarations', 'pairs wrongly dead', 'msgs /node/round', 'bytes /node/round']);
  row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const loss of [0, 0.05, 0.1, 0.2]) {
    for (const suspicionMult of [1, 2, 4, 6]) {
      const r = falsePositiveRun({ protocol: 'swim', nodes: n, seed: 30_000, loss, swim: { suspicionMult } }, 10, rounds, seeds);
      row([`${loss * 100} %`, suspicionMult, suspicionRounds(suspicionMult, n), f(r.suspicionsPerKNodeRounds), f(1000 * swimSuspicionProbability(loss, 3)),
        f(r.refutationsPerKNodeRounds), f(r.falsePositivesPerKNodeRounds), f(r.declaredDeadPerKNodeRounds), `${f(100 * r.wronglyDeadFraction, 3)} %`,
        f(r.messagesPerNodeRound), f(r.bytesPerNodeRound, 0)]);
    }
  }
}

function heartbeatDetection(): void {
  console.log('\n### Heartbeat gossip: rounds from a crash to the first down mark and until every live node marks it down (no loss)\n');
  row(['n', 'detector', 'trials', 'first down', 'all live nodes know']);
  row(['---:', '---', '---:', '---:', '---:']);
  for (const [n, trials] of [[20, 300], [100, 200], [500, 40]] as const) {
    for (const phi of [false, true]) {
      const t = scale(trials);
      const config: MembershipConfig = { protocol: 'heartbeat', nodes: n, seed: 40_000, loss: 0, heartbeat: { phi } };
      const lat = detectionLatencies(config, t, phi ? 30 : 5, 'all-know', 120);
      row([n, phi ? 'phi ≥ 8' : 'T_fail = 10', t, pm(lat.firstDead), pm(lat.allKnow)]);
    }
  }
}

function heartbeatFalsePositives(): void {
  const n = 100, rounds = scale(300), seeds = 2;
  console.log(`\n### Heartbeat gossip: false positives on a lossy network (n = ${n}, ${seeds} seeds × ${rounds} rounds after 30 of warm-up; rates per 1000 node-rounds)\n`);
  row(['loss', 'detector', 'live nodes declared down', 'down declarations', 'pairs wrongly down', 'msgs /node/round', 'bytes /node/round']);
  row(['---:', '---', '---:', '---:', '---:', '---:', '---:']);
  for (const loss of [0, 0.05, 0.1, 0.2]) {
    for (const det of [{ tFail: 3, tCleanup: 6 }, { tFail: 5, tCleanup: 10 }, { tFail: 10 }, { phi: true }]) {
      const r = falsePositiveRun({ protocol: 'heartbeat', nodes: n, seed: 50_000, loss, heartbeat: det }, 30, rounds, seeds);
      const name = 'phi' in det ? 'phi ≥ 8' : `T_fail = ${det.tFail}`;
      row([`${loss * 100} %`, name, f(r.falsePositivesPerKNodeRounds), f(r.declaredDeadPerKNodeRounds), `${f(100 * r.wronglyDeadFraction, 3)} %`,
        f(r.messagesPerNodeRound), f(r.bytesPerNodeRound, 0)]);
    }
  }
}

function splitBrain(): void {
  console.log('\n### Split brain: two halves of 50 partitioned for 100 rounds, then healed (no loss)\n');
  row(['protocol', 'settings', 'pairs wrongly dead at heal', '+20 rounds', '+50', '+100', '+200']);
  row(['---', '---', '---:', '---:', '---:', '---:', '---:']);
  const cases: [string, MembershipConfig][] = [
    ['memberlist defaults (push/pull only)', { protocol: 'swim', nodes: 100, seed: 7, loss: 0 }],
    ['+ Serf reconnect every 30 rounds', { protocol: 'swim', nodes: 100, seed: 7, loss: 0, swim: { reconnectInterval: 30 } }],
    ['seeds [0], T_cleanup 20 (forgets)', { protocol: 'heartbeat', nodes: 100, seed: 7, loss: 0 }],
    ['no seeds, T_cleanup 20 (forgets)', { protocol: 'heartbeat', nodes: 100, seed: 7, loss: 0, heartbeat: { seeds: [] } }],
    ['no seeds, never forgets', { protocol: 'heartbeat', nodes: 100, seed: 7, loss: 0, heartbeat: { seeds: [], tCleanup: 0 } }],
  ];
  for (const [name, config] of cases) {
    const sim = new MembershipSimulation(config);
    sim.apply({ type: 'partition', groups: [Array.from({ length: 50 }, (_, i) => i)] });
    let m = sim.step();
    for (let r = 1; r < 100; r++) m = sim.step();
    const cells: number[] = [m.wronglyDead];
    sim.apply({ type: 'heal' });
    for (let r = 1; r <= 200; r++) {
      m = sim.step();
      if (r === 20 || r === 50 || r === 100 || r === 200) cells.push(m.wronglyDead);
    }
    row([config.protocol, name, ...cells]);
  }
}

function cost(): void {
  console.log('\n### Steady-state cost (no loss, no crash, rounds 11–30)\n');
  row(['protocol', 'n', 'msgs /node/round', 'bytes /node/round', 'state (n² arrays)']);
  row(['---', '---:', '---:', '---:', '---:']);
  for (const protocol of ['swim', 'heartbeat'] as const) {
    for (const n of [100, 1000, 2000]) {
      const sim = new MembershipSimulation({ protocol, nodes: n, seed: 1, loss: 0 });
      for (let r = 0; r < 10; r++) sim.step();
      let sent = 0, bytes = 0;
      for (let r = 0; r < 20; r++) {
        const m = sim.step();
        sent += m.sent;
        bytes += m.bytes;
      }
      row([protocol, n, f(sent / (20 * n)), f(bytes / (20 * n), 0), `${f(membershipStateBytes({ protocol, nodes: n, seed: 1, loss: 0 }) / 1e6, 1)} MB`]);
    }
  }
}

const sections: Record<string, () => void> = { swimDetection, swimFullDetection, swimFalsePositives, heartbeatDetection, heartbeatFalsePositives, splitBrain, cost };
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const t0 = Date.now();
for (const [name, run] of Object.entries(sections)) if (!only || only.includes(name)) run();
console.log(`\n(${quick ? 'quick' : 'full'} run, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
