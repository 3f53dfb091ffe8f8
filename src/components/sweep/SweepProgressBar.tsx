import type { JSX } from 'react';
import type { SweepProgress } from '../../lab/sweep-run';

const seconds = (ms: number): string => (ms < 1000 ? 'under a second' : ms < 90_000 ? `about ${Math.round(ms / 1000)} s` : `about ${Math.round(ms / 60_000)} min`);

function statusText(p: SweepProgress, workers: number): string {
  const counts = `${p.doneTrials.toLocaleString('en-US')} of ${p.totalTrials.toLocaleString('en-US')} trials`;
  switch (p.state) {
    case 'running': return `${counts} · ${p.etaMs === null ? 'estimating time left' : `${seconds(p.etaMs)} left`} · ${workers} worker${workers === 1 ? '' : 's'}`;
    case 'done': return `${counts} in ${(p.elapsedMs / 1000).toFixed(1)} s`;
    case 'cancelled': return `Cancelled after ${counts}`;
    case 'failed': return `Failed after ${counts}: ${p.error ?? ''}`;
  }
}

/** How far the sweep is, and how long the rest should take (from the node-rounds done so far). */
export function SweepProgressBar({ progress, workers }: { progress: SweepProgress; workers: number }): JSX.Element {
  const pct = progress.totalTrials > 0 ? Math.floor((100 * progress.doneTrials) / progress.totalTrials) : 0;
  const text = statusText(progress, workers);
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Sweep progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-sky-700 dark:bg-sky-500" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-200" aria-live="polite">{pct}% · {text}</p>
    </div>
  );
}
