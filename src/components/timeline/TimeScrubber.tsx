import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { formatNumber } from '../../i18n';
import { btn } from '../ui-classes';

const selectScrubber = (s: RunCoreSlice) => ({
  round: s.round,
  lastRound: s.lastRound,
  target: s.seekTarget,
  building: s.building,
});

/** Compact buttons (not btn.base's padding): the strip must cost the graph as little height as it can. */
const small = 'inline-flex h-7 items-center gap-1 rounded-md px-2 text-sm font-semibold whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50';

/**
 * Time travel in one row under the graph: drag the slider over every round run so far (the
 * graph, the charts' marker, the inspector and the status follow), step back one round, or
 * continue from the round shown — which discards the later rounds (a fork). Both modes show it,
 * each for its own run.
 */
export function TimeScrubber(): JSX.Element {
  const { t } = useTranslation('timeline');
  const session = useRunSession();
  const { round, lastRound, target, building } = useRun(useShallow(selectScrubber));
  const shown = target ?? round;
  const past = round < lastRound;
  return (
    // Wraps rather than squeezing: with the drawer open at 1024 px the slider kept a few pixels and
    // the count broke over three lines; now Continue goes under the slider when the pane is narrow.
    <div className="flex shrink-0 flex-wrap items-center gap-x-2 gap-y-1 border-t border-slate-200 px-2 py-1 dark:border-slate-700">
      <button
        type="button"
        className={`${small} ${btn.secondary} shrink-0`}
        onClick={() => session.stepBack()}
        disabled={building || shown === 0}
        aria-keyshortcuts="ArrowLeft"
        title={t('scrubber.stepBackTitle')}
      >
        <span aria-hidden="true">←</span> {t('scrubber.stepBack')}
      </button>
      <input
        type="range"
        aria-label={t('scrubber.slider')}
        aria-valuetext={t('scrubber.sliderValue', { round: formatNumber(shown), last: formatNumber(lastRound) })}
        min={0}
        max={lastRound}
        step={1}
        value={shown}
        disabled={building || lastRound === 0}
        onChange={(e) => session.seekTo(Number(e.target.value))}
        className="h-2 min-w-24 flex-1 accent-sky-700 disabled:opacity-50"
      />
      <span aria-hidden="true" className="min-w-16 shrink-0 text-right text-sm whitespace-nowrap tabular-nums text-slate-700 dark:text-slate-200">
        {formatNumber(shown)} / {formatNumber(lastRound)}
      </span>
      <button
        type="button"
        className={`${small} ${past ? btn.attention : btn.secondary} shrink-0`}
        onClick={() => session.continueFromHere()}
        disabled={building || !past}
        title={t('scrubber.continueTitle')}
      >
        {t('scrubber.continue')}
      </button>
    </div>
  );
}
