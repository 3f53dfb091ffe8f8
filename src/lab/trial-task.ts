import { trialSeed } from '../engine/prng';
import type { SimConfig } from '../engine/types';
import { runTrial } from '../cli/trial';

/** A batch of consecutive trials of one point: what a pool worker is asked to run. */
export interface TrialTask {
  /** Unique within a sweep; the answer carries it back. */
  id: number;
  point: number;
  /** The point's configuration; trial i runs with seed trialSeed(config.seed, i), as the CLI's trial i does. */
  config: SimConfig;
  maxRounds: number;
  first: number;
  count: number;
}

/** The measures of each trial of a task, in trial order. */
export interface TrialTaskResult {
  id: number;
  point: number;
  first: number;
  rounds: number[];
  messages: number[];
  traffic: number[];
  converged: number;
  /** Time spent in the trials, for the throughput figures. */
  ms: number;
}

/** Runs a task with the CLI's own trial function and seeds: the pool's workers, the tests and the benchmark all call this. */
export function runTrialTask(task: TrialTask): TrialTaskResult {
  const t0 = performance.now();
  const rounds: number[] = [], messages: number[] = [], traffic: number[] = [];
  let converged = 0;
  for (let i = task.first; i < task.first + task.count; i++) {
    const r = runTrial({ ...task.config, seed: trialSeed(task.config.seed, i) }, task.maxRounds);
    rounds.push(r.rounds);
    messages.push(r.messages);
    traffic.push(r.traffic);
    if (r.converged) converged++;
  }
  return { id: task.id, point: task.point, first: task.first, rounds, messages, traffic, converged, ms: performance.now() - t0 };
}
