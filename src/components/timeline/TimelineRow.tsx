import { memo, type JSX, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { describeScheduled, type ScheduleEntry } from '../../run/schedule';
import { useGossip } from '../../store/store';

/**
 * Where an entry stands against the round shown: refused, done, or this many rounds ahead.
 * A primitive, so a row subscribed to it re-renders only when its own text changes — a done
 * entry never again, however long the run plays.
 */
function entryPhase(e: ScheduleEntry, round: number): 'refused' | 'done' | number {
  if (e.refused !== undefined) return 'refused';
  return e.round <= round ? 'done' : e.round - round;
}

interface Props {
  entry: ScheduleEntry;
  index: number;
  count: number;
  /** The virtual list measures each row (text wraps to one or more lines). */
  measure: Ref<HTMLLIElement>;
  onRemove(id: number): void;
}

/** One timeline entry: its round, the action in words, its phase, and a button that removes it. */
export const TimelineRow = memo(function TimelineRow({ entry: e, index, count, measure, onRemove }: Props): JSX.Element {
  const { t } = useTranslation('timeline');
  const phase = useGossip((s) => entryPhase(e, s.round));
  const what = describeScheduled(e.action);
  const round = formatNumber(e.round);
  const [text, className] =
    phase === 'refused'
      ? [t('panel.refused', { reason: e.refused }), 'font-semibold text-red-800 dark:text-red-300']
      : phase === 'done'
        ? [t('panel.done'), 'text-slate-600 dark:text-slate-300']
        : [t('panel.inRounds', { count: phase, n: formatNumber(phase) }), 'font-semibold text-sky-800 dark:text-sky-300'];
  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`flex shrink-0 items-start gap-2 rounded px-1 py-0.5 ${phase === 'done' ? '' : 'bg-sky-50 dark:bg-sky-950'}`}
    >
      <span className="w-24 shrink-0 font-semibold whitespace-nowrap tabular-nums">{t('panel.round', { round })}</span>
      <span className="min-w-0 flex-1">
        {what}
        {e.recorded && <span className="ml-1.5 rounded border border-slate-400 px-1 text-xs font-semibold uppercase">{t('panel.recorded')}</span>}
        <span className={`block ${className}`}>{text}</span>
      </span>
      <button
        type="button"
        aria-label={t('panel.remove', { round, what })}
        title={t('panel.removeTitle')}
        className="shrink-0 rounded px-1.5 text-lg leading-none hover:bg-black/10 dark:hover:bg-white/10"
        onClick={() => onRemove(e.id)}
      >
        ×
      </button>
    </li>
  );
});
