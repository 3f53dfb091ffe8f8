import type { TFunction } from 'i18next';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import type { SweepProgress } from '../../lab/sweep-run';

function timeLeft(t: TFunction<'sweep'>, ms: number): string {
  if (ms < 1000) return t('progress.underSecond');
  return ms < 90_000 ? t('progress.aboutSeconds', { n: Math.round(ms / 1000) }) : t('progress.aboutMinutes', { n: Math.round(ms / 60_000) });
}

function statusText(t: TFunction<'sweep'>, p: SweepProgress, workers: number): string {
  const counts = t('progress.counts', { done: formatNumber(p.doneTrials), total: formatNumber(p.totalTrials) });
  switch (p.state) {
    case 'running': return t('progress.running', {
      counts,
      eta: p.etaMs === null ? t('progress.estimating') : t('progress.left', { time: timeLeft(t, p.etaMs) }),
      workers: t('progress.workers', { count: workers }),
    });
    case 'done': return t('progress.done', { counts, seconds: formatNumber(p.elapsedMs / 1000, 1) });
    case 'cancelled': return t('progress.cancelled', { counts });
    // The worker's own error text, as thrown.
    case 'failed': return t('progress.failed', { counts, error: p.error ?? '' });
  }
}

/** How far the sweep is, and how long the rest should take (from the node-rounds done so far). */
export function SweepProgressBar({ progress, workers }: { progress: SweepProgress; workers: number }): JSX.Element {
  const pct = progress.totalTrials > 0 ? Math.floor((100 * progress.doneTrials) / progress.totalTrials) : 0;
  const { t } = useTranslation('sweep');
  const text = statusText(t, progress, workers);
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-sky-700 dark:bg-sky-500" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-200" aria-live="polite">{t('progress.line', { pct, text })}</p>
    </div>
  );
}
