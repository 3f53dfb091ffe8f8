import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { SimConfig } from '../engine/types';
import { runCli } from '../cli/cli';
import { cliArgs, sweepCsv, sweepJson } from './sweep-export';
import { planSweep, type SweepPlan, type SweepRequest } from './sweep-plan';
import { inlineExecutor, SweepRun, type SweepProgress } from './sweep-run';
import { runTrialTask } from './trial-task';

function plan(request: SweepRequest, base: SimConfig = DEFAULT_CONFIG): SweepPlan {
  const r = planSweep(request, base);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

/** Runs a sweep to the end on the calling thread. */
function runAll(p: SweepPlan, size = 1): Promise<SweepProgress> {
  const inline = inlineExecutor(runTrialTask);
  return new Promise((resolve) => {
    new SweepRun(p, { ...inline, size }, (pr) => {
      if (pr.state !== 'running') resolve(pr);
    }).start();
  });
}

describe('a sweep gives the CLI numbers for the same seeds', () => {
  it.each<[string, SweepRequest, Partial<SimConfig>]>([
    ['fanout at 300 nodes', { param: 'fanout', from: 1, to: 3, steps: 3, trials: 12 }, { nodes: 300, seed: 7 }],
    ['loss with push-pull', { param: 'loss', from: 0, to: 40, steps: 2, trials: 9 }, { nodes: 200, protocol: 'push-pull' }],
    ['rumor k', { param: 'k', from: 1, to: 3, steps: 2, trials: 10 }, { nodes: 400, protocol: 'rumor', seed: 4_294_967_290 }],
    ['protocols', { param: 'protocol', from: 0, to: 0, steps: 1, trials: 6 }, { nodes: 150, crashRate: 0.01, recoverRate: 0.1 }],
    ['delay on a ring of odd degree', { param: 'delay', from: 1, to: 3, steps: 2, trials: 5 }, { nodes: 120, topology: 'ring', degree: 5, protocol: 'pull' }],
    ['anti-entropy on a random graph', { param: 'antiEntropy', from: 0, to: 4, steps: 2, trials: 5 }, { nodes: 120, topology: 'random', protocol: 'rumor', k: 1 }],
  ])('%s', async (_name, request, over) => {
    // Three workers' worth of tasks: a point split over several tasks must come back in trial order.
    const p = plan(request, { ...DEFAULT_CONFIG, ...over });
    const done = await runAll(p, 3);
    expect(done.state).toBe('done');
    for (const point of p.points) {
      const out = runCli(cliArgs(point.config, p.trials));
      expect(out.stderr).toBe('');
      const cli = JSON.parse(out.stdout) as { config: SimConfig; rounds: Record<string, number>; messages: Record<string, number>; converged: number };
      expect(cli.config).toEqual({ ...point.config, trials: p.trials, maxRounds: p.maxRounds });
      const mine = done.points[point.index]!;
      for (const k of ['p50', 'p95', 'mean'] as const) {
        expect(mine.rounds![k]).toBeCloseTo(cli.rounds[k], 6);
        expect(mine.messages![k]).toBeCloseTo(cli.messages[k], 6);
      }
      expect(mine.converged).toBeCloseTo(cli.converged, 9);
    }
  });
});

describe('sweepJson', () => {
  it('holds the request, the base and every finished point with its configuration and CLI command', async () => {
    const p = plan({ param: 'fanout', from: 1, to: 2, steps: 2, trials: 3 }, { ...DEFAULT_CONFIG, nodes: 100 });
    const done = await runAll(p);
    const json = JSON.parse(sweepJson(p, done.points)) as { request: unknown; base: SimConfig; points: { value: number; config: SimConfig; cli: string; rounds: { p50: number } }[] };
    expect(json.request).toEqual(p.request);
    expect(json.base.nodes).toBe(100);
    expect(json.points.map((x) => [x.value, x.config.fanout, x.cli])).toEqual([
      [1, 1, 'npm run --silent sim -- --nodes 100 --protocol push --trials 3 --seed 1'],
      [2, 2, 'npm run --silent sim -- --nodes 100 --protocol push --fanout 2 --trials 3 --seed 1'],
    ]);
    expect(json.points[0].rounds.p50).toBe(done.points[0]!.rounds!.p50);
  });
});

describe('SweepRun', () => {
  it('reports progress to 100 %, a falling median of rounds with fanout, and the theory', async () => {
    const p = plan({ param: 'fanout', from: 1, to: 4, steps: 4, trials: 20 }, { ...DEFAULT_CONFIG, nodes: 1000 });
    const seen: number[] = [], finished: number[] = [];
    const done = await new Promise<SweepProgress>((resolve) => {
      new SweepRun(p, inlineExecutor(runTrialTask), (pr) => {
        seen.push(pr.doneTrials);
        finished.push(pr.points.filter(Boolean).length);
        if (pr.state !== 'running') resolve(pr);
      }).start();
    });
    expect(seen[0]).toBe(0);
    // Points stream in one by one, not all at the end.
    expect([...new Set(finished)]).toEqual([0, 1, 2, 3, 4]);
    expect(done.doneTrials).toBe(80);
    expect(done.totalTrials).toBe(80);
    const medians = done.points.map((x) => x!.rounds!.p50);
    for (let i = 1; i < medians.length; i++) expect(medians[i]).toBeLessThan(medians[i - 1]);
    expect(done.points[0]!.theory.rounds).toBeCloseTo(Math.log2(1000) + Math.log(1000), 9);
    // The 5–95 % band holds the median.
    for (const x of done.points) expect(x!.rounds!.p5).toBeLessThanOrEqual(x!.rounds!.p50);
    const csv = sweepCsv(p, done.points).trim().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[1].split(',').slice(0, 3)).toEqual(['fanout', '1', '20']);
  });

  it('estimates the time left from the node-rounds done so far', async () => {
    // Two points of equal cost, one task each: after the first, as long again is left.
    const p = plan({ param: 'loss', from: 0, to: 0, steps: 1, trials: 4 }, { ...DEFAULT_CONFIG, nodes: 100 });
    const two = { ...p, points: [p.points[0], { ...p.points[0], index: 1 }] };
    let clock = 0;
    const etas: (number | null)[] = [];
    const inline = inlineExecutor((t) => {
      clock += 1000;
      return runTrialTask(t);
    });
    await new Promise<void>((resolve) => {
      new SweepRun(two, inline, (pr) => {
        etas.push(pr.etaMs);
        if (pr.state !== 'running') resolve();
      }, () => clock).start();
    });
    expect(etas).toEqual([null, 1000, 0]);
  });

  it('cancel stops the executor and keeps what finished', async () => {
    const p = plan({ param: 'fanout', from: 1, to: 4, steps: 4, trials: 5 }, { ...DEFAULT_CONFIG, nodes: 200 });
    let terminated = 0, ran = 0;
    const inline = inlineExecutor((t) => {
      ran++;
      return runTrialTask(t);
    });
    const states: SweepProgress[] = [];
    const run = new SweepRun(p, { ...inline, terminate: () => { terminated++; inline.terminate(); } }, (pr) => {
      states.push(pr);
      if (pr.doneTrials === 5 && pr.state === 'running') run.cancel();
    });
    run.start();
    await new Promise((r) => setTimeout(r, 50));
    const last = states[states.length - 1];
    expect(last.state).toBe('cancelled');
    expect(terminated).toBe(1);
    expect(ran).toBe(1);
    expect(last.points.filter(Boolean)).toHaveLength(1);
  });

  it('reports a failing task as a failed sweep', async () => {
    const p = plan({ param: 'fanout', from: 1, to: 2, steps: 2, trials: 2 }, { ...DEFAULT_CONFIG, nodes: 100 });
    const done = await new Promise<SweepProgress>((resolve) => {
      new SweepRun(p, inlineExecutor(() => { throw new Error('worker died'); }), (pr) => {
        if (pr.state !== 'running') resolve(pr);
      }).start();
    });
    expect(done).toMatchObject({ state: 'failed', error: 'worker died' });
  });
});
