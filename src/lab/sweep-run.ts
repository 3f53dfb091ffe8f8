import { estimatedRounds, type SweepPlan } from './sweep-plan';
import { summarizePoint, type PointSummary } from './sweep-stats';
import type { TrialTask, TrialTaskResult } from './trial-task';

/** Somewhere trials run: a pool of Web Workers in the page, worker_threads in the benchmark, the same thread in tests. */
export interface TrialExecutor {
  /** How many tasks it runs at once. */
  readonly size: number;
  run(task: TrialTask): Promise<TrialTaskResult>;
  /** Stops everything now (a pool terminates its workers); pending runs never settle. */
  terminate(): void;
}

export interface SweepProgress {
  doneTrials: number;
  totalTrials: number;
  elapsedMs: number;
  /** Estimated time left; null until the first task has finished. */
  etaMs: number | null;
  /** Finished points by index; null while a point still runs. */
  points: readonly (PointSummary | null)[];
  state: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
}

/**
 * Estimated node-rounds a task is worth; tasks are cut to about this size so that progress moves
 * every ~0.1 s on one core and a large point still spreads over every worker.
 */
const TASK_NODE_ROUNDS = 2e6;

/** Cuts the plan into tasks, point by point so that points finish (and stream in) in order. */
function planTasks(plan: SweepPlan, workers: number): { tasks: TrialTask[]; weight: number[] } {
  const tasks: TrialTask[] = [], weight: number[] = [];
  for (const p of plan.points) {
    const perTrial = p.config.nodes * estimatedRounds(p.config);
    const size = Math.max(1, Math.min(Math.floor(TASK_NODE_ROUNDS / perTrial), Math.ceil(plan.trials / workers)));
    for (let first = 0; first < plan.trials; first += size) {
      const count = Math.min(size, plan.trials - first);
      tasks.push({ id: tasks.length, point: p.index, config: p.config, maxRounds: plan.maxRounds, first, count });
      weight.push(count * perTrial);
    }
  }
  return { tasks, weight };
}

/**
 * Runs a sweep on an executor: keeps every slot busy, gathers each point's trials in trial order
 * and summarises the point the moment its last task lands. Cancel terminates the executor.
 */
export class SweepRun {
  private readonly tasks: TrialTask[];
  private readonly weight: number[];
  private readonly totalWeight: number;
  private next = 0;
  private inFlight = 0;
  private doneWeight = 0;
  private doneTrials = 0;
  private readonly started: number;
  private readonly results: (TrialTaskResult | undefined)[];
  private readonly remaining: number[];
  private readonly points: (PointSummary | null)[];
  private state: SweepProgress['state'] = 'running';
  private error: string | undefined;

  constructor(
    private readonly plan: SweepPlan,
    private readonly executor: TrialExecutor,
    private readonly onProgress: (p: SweepProgress) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    ({ tasks: this.tasks, weight: this.weight } = planTasks(plan, executor.size));
    this.totalWeight = this.weight.reduce((a, b) => a + b, 0);
    this.results = new Array(this.tasks.length);
    this.remaining = plan.points.map(() => 0);
    for (const t of this.tasks) this.remaining[t.point]++;
    this.points = plan.points.map(() => null);
    this.started = now();
  }

  start(): void {
    this.fill();
    this.report();
  }

  cancel(): void {
    if (this.state !== 'running') return;
    this.state = 'cancelled';
    this.executor.terminate();
    this.report();
  }

  progress(): SweepProgress {
    const elapsedMs = this.now() - this.started;
    const etaMs = this.doneWeight > 0 ? (elapsedMs * (this.totalWeight - this.doneWeight)) / this.doneWeight : null;
    return {
      doneTrials: this.doneTrials,
      totalTrials: this.plan.trials * this.plan.points.length,
      elapsedMs,
      etaMs: this.state === 'running' ? etaMs : 0,
      points: this.points.slice(),
      state: this.state,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private report(): void {
    this.onProgress(this.progress());
  }

  private fill(): void {
    while (this.state === 'running' && this.inFlight < this.executor.size && this.next < this.tasks.length) {
      const task = this.tasks[this.next++];
      this.inFlight++;
      this.executor.run(task).then((r) => this.land(task.id, r), (e: unknown) => this.fail(e));
    }
  }

  private land(id: number, r: TrialTaskResult): void {
    if (this.state !== 'running') return;
    this.inFlight--;
    this.results[id] = r;
    this.doneWeight += this.weight[id];
    this.doneTrials += r.rounds.length;
    if (--this.remaining[r.point] === 0) this.finishPoint(r.point);
    if (this.doneTrials === this.plan.trials * this.plan.points.length) {
      this.state = 'done';
      this.executor.terminate();
    }
    this.fill();
    this.report();
  }

  private finishPoint(point: number): void {
    const mine = this.tasks.filter((t) => t.point === point).map((t) => this.results[t.id]!);
    this.points[point] = summarizePoint(
      this.plan.points[point],
      mine.flatMap((r) => r.rounds),
      mine.flatMap((r) => r.messages),
      mine.reduce((s, r) => s + r.converged, 0),
    );
    // The point's raw arrays are no longer needed: a 1000-trial, 50-point sweep keeps only summaries.
    for (const t of this.tasks) if (t.point === point) this.results[t.id] = undefined;
  }

  private fail(e: unknown): void {
    if (this.state !== 'running') return;
    this.state = 'failed';
    this.error = e instanceof Error ? e.message : String(e);
    this.executor.terminate();
    this.report();
  }
}

/** Runs tasks on the calling thread, one at a time (tests; a fallback where Workers are missing). */
export function inlineExecutor(run: (t: TrialTask) => TrialTaskResult): TrialExecutor {
  let stopped = false;
  return {
    size: 1,
    run: (task) => new Promise((resolve, reject) => {
      // A macrotask per task, like a worker's answer: the caller's loop sees results arrive one by one.
      setTimeout(() => {
        if (stopped) return;
        try {
          resolve(run(task));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }, 0);
    }),
    terminate: () => {
      stopped = true;
    },
  };
}
