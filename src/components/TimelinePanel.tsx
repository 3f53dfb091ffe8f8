import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { describeScheduled, type ScheduleEntry } from '../run/schedule';
import { selectRound, selectSchedule } from '../store/selectors';
import { useGossip } from '../store/store';
import { TimelineForm } from './TimelineForm';
import { btn, panel, sectionTitle } from './ui-classes';

function status(e: ScheduleEntry, round: number): { text: string; className: string } {
  if (e.refused !== undefined) return { text: `refused: ${e.refused}`, className: 'font-semibold text-red-800 dark:text-red-300' };
  if (e.round <= round) return { text: 'done', className: 'text-slate-600 dark:text-slate-300' };
  return { text: `in ${e.round - round} round${e.round - round === 1 ? '' : 's'}`, className: 'font-semibold text-sky-800 dark:text-sky-300' };
}

/**
 * The scenario timeline: actions at rounds that the engine runs when the run gets there, and
 * the actions done live, recorded in the same list. The list is exactly a scenario's actions.
 */
export function TimelinePanel(): JSX.Element {
  const session = useSession();
  const schedule = useGossip(selectSchedule);
  const round = useGossip(selectRound);
  const recorded = schedule.some((e) => e.recorded);
  return (
    <section aria-labelledby="timeline-title" className={panel}>
      <h2 id="timeline-title" className={sectionTitle}>Timeline</h2>
      {schedule.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No actions yet. Add one below, or act on the cluster: what you do is recorded here.</p>
      ) : (
        <ol aria-label="Timeline entries" className="flex max-h-56 flex-col gap-1 overflow-y-auto text-sm">
          {schedule.map((e) => {
            const st = status(e, round);
            const what = describeScheduled(e.action);
            return (
              <li key={e.id} className={`flex items-start gap-2 rounded px-1 py-0.5 ${e.round <= round ? '' : 'bg-sky-50 dark:bg-sky-950'}`}>
                <span className="w-14 shrink-0 font-semibold tabular-nums">round {e.round}</span>
                <span className="min-w-0 flex-1">
                  {what}
                  {e.recorded && <span className="ml-1.5 rounded border border-slate-400 px-1 text-xs font-semibold uppercase">recorded</span>}
                  <span className={`block ${st.className}`}>{st.text}</span>
                </span>
                <button
                  type="button"
                  aria-label={`Remove round ${e.round}: ${what}`}
                  title="Remove from the timeline"
                  className="shrink-0 rounded px-1.5 text-lg leading-none hover:bg-black/10 dark:hover:bg-white/10"
                  onClick={() => session.removeFromTimeline(e.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {schedule.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {recorded && (
            <button type="button" className={`${btn.base} ${btn.secondary} px-2 py-1 text-sm whitespace-nowrap`} onClick={() => session.keepRecorded()} title="Make the recorded actions part of the scenario, so Reset replays them">
              Keep recorded
            </button>
          )}
          <button type="button" className={`${btn.base} ${btn.secondary} px-2 py-1 text-sm whitespace-nowrap`} onClick={() => session.clearTimeline()}>
            Clear timeline
          </button>
        </div>
      )}
      <TimelineForm />
    </section>
  );
}
