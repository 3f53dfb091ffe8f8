import { useId, type JSX } from 'react';
import { useLessonConductor, useLessonText } from '../../hooks/useLessons';
import { useSession } from '../../hooks/useSession';
import { formatNumber } from '../../i18n';
import type { ChallengeId } from '../../lessons/types';
import { useLesson, type LessonState } from '../../store/lesson-store';
import { btn } from '../ui-classes';
import { ChallengeTools } from './ChallengeTools';

const selectVerdict = (s: LessonState) => s.verdict;

/**
 * A challenge: its goal, the few tools it needs at hand, and Check — the engine judges what
 * the run did, and a wrong answer gets a hint saying what went wrong.
 */
export function ChallengeBox({ id }: { id: ChallengeId }): JSX.Element {
  const t = useLessonText();
  const conductor = useLessonConductor();
  const session = useSession();
  const verdict = useLesson(selectVerdict);
  const title = useId();
  const values = verdict ? Object.fromEntries(Object.entries(verdict.values).map(([k, v]) => [k, formatNumber(v, 1)])) : {};
  return (
    <section aria-labelledby={title} className="rounded-md border-2 border-amber-600 p-2 dark:border-amber-500">
      <h3 id={title} className="text-base font-bold">{t('challenge.title')}: {t(`challenge.${id}.goal`)}</h3>
      <ChallengeTools id={id} />
      <div className="mt-2 grid grid-cols-[auto_1fr] gap-2">
        <button type="button" className={`${btn.base} ${btn.secondary} px-2`} onClick={() => session.reset()} title={t('challenge.startOverTitle')}>
          {t('challenge.startOver')}
        </button>
        <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => conductor.check()}>
          {t('challenge.check')}
        </button>
      </div>
      {verdict && (
        <p
          role="status"
          aria-label={t('challenge.verdict')}
          className={`mt-2 rounded px-2 py-1 text-[15px] font-semibold ${verdict.ok ? 'bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50' : 'bg-orange-100 text-orange-950 dark:bg-orange-900 dark:text-orange-50'}`}
        >
          <span aria-hidden="true">{verdict.ok ? '✓ ' : '✗ '}</span>
          {t(verdict.key, values)}
        </p>
      )}
    </section>
  );
}
