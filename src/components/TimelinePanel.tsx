import { useCallback, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/useSession';
import { selectSchedule } from '../store/selectors';
import { useGossip } from '../store/store';
import { TimelineForm } from './TimelineForm';
import { TimelineList } from './timeline/TimelineList';
import { btn, panel, sectionTitle } from './ui-classes';

/**
 * The scenario timeline: actions at rounds that the engine runs when the run gets there, and
 * the actions done live, recorded in the same list. The list is exactly a scenario's actions.
 * The panel follows the schedule, not the round: playing re-renders only the rows in view.
 */
export function TimelinePanel(): JSX.Element {
  const { t } = useTranslation('timeline');
  const session = useSession();
  const schedule = useGossip(selectSchedule);
  const recorded = schedule.some((e) => e.recorded);
  const remove = useCallback((id: number) => session.removeFromTimeline(id), [session]);
  return (
    <section aria-labelledby="timeline-title" className={panel}>
      <h2 id="timeline-title" className={sectionTitle}>{t('panel.title')}</h2>
      {schedule.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('panel.empty')}</p>
      ) : (
        <TimelineList entries={schedule} onRemove={remove} />
      )}
      {schedule.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {recorded && (
            <button type="button" className={`${btn.base} ${btn.secondary} px-2 py-1 text-sm whitespace-nowrap`} onClick={() => session.keepRecorded()} title={t('panel.keepRecordedTitle')}>
              {t('panel.keepRecorded')}
            </button>
          )}
          <button type="button" className={`${btn.base} ${btn.secondary} px-2 py-1 text-sm whitespace-nowrap`} onClick={() => session.clearTimeline()}>
            {t('panel.clear')}
          </button>
        </div>
      )}
      <TimelineForm />
    </section>
  );
}
