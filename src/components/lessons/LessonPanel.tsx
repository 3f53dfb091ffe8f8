import type { JSX } from 'react';
import { useLessonConductor, useLessonText } from '../../hooks/useLessons';
import { CHAPTERS, stepAt, stepKey } from '../../lessons/chapters';
import { useLesson } from '../../store/lesson-store';
import { btn } from '../ui-classes';
import { ChallengeBox } from './ChallengeBox';
import { LessonRunRow } from './LessonRunRow';
import { PredictionBox } from './PredictionBox';

const selectChapter = (s: { chapter: number }) => s.chapter;
const selectStep = (s: { step: number }) => s.step;
const selectDone = (s: { done: string[] }) => s.done;

/**
 * The lesson card, in the left column where the sandbox's controls are: chapter and step, the
 * step's text, then what the step asks (a prediction, a challenge, or just watching), the run's
 * Play and Step, and Back / Next. The graph keeps the rest of the screen.
 */
export function LessonPanel(): JSX.Element {
  const t = useLessonText();
  const conductor = useLessonConductor();
  const chapter = useLesson(selectChapter);
  const step = useLesson(selectStep);
  const done = useLesson(selectDone);
  const c = CHAPTERS[chapter];
  const s = stepAt(chapter, step);
  const key = stepKey(chapter, step);
  const first = chapter === 0 && step === 0;
  const isDone = done.includes(`${c.id}/${s.id}`);
  return (
    <section aria-labelledby="lesson-title" className="flex min-h-0 flex-1 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-center gap-2">
        <p className="min-w-0 flex-1 text-sm font-bold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {t('panel.chapterShort', { n: chapter + 1 })} · {t(`chapters.${c.id}.title`)}
        </p>
        <button type="button" onClick={() => conductor.close()} className={`${btn.base} ${btn.secondary} shrink-0 px-2 py-0.5 text-sm`} title={t('nav.closeTitle')}>
          {t('nav.close')}
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto pr-1">
        <h2 id="lesson-title" className="text-lg leading-snug font-bold">
          {t(`${key}.title`)}
          <span className="ml-2 align-middle text-sm font-semibold whitespace-nowrap text-slate-600 dark:text-slate-300">
            {t('panel.step', { n: step + 1, count: c.steps.length })}
            {isDone && <span className="ml-1 text-sky-800 dark:text-sky-300" role="img" aria-label={t('panel.done')} title={t('panel.done')}>✓</span>}
          </span>
        </h2>
        <p className="mt-1 text-[15px] leading-snug">{t(`${key}.text`)}</p>
        {s.handPlay && (
          <button type="button" className={`${btn.base} ${btn.secondary} mt-2 w-full text-sm`} onClick={() => conductor.playByHand()} title={t('panel.handPlayTitle')}>
            {t('panel.handPlay')}
          </button>
        )}
        <div className="mt-2 flex flex-col gap-2">
          {s.prediction && <PredictionBox prediction={s.prediction} />}
          {s.challenge && <ChallengeBox id={s.challenge} />}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {!s.sandbox && <LessonRunRow />}
        <nav aria-label={t('nav.label')} className="ml-auto flex gap-2">
          <button type="button" className={`${btn.base} ${btn.secondary} w-10 px-0 text-sm`} onClick={() => conductor.back()} disabled={first} aria-keyshortcuts="PageUp" aria-label={t('nav.back')} title={t('nav.backTitle')}>
            <span aria-hidden="true">←</span>
          </button>
          <button type="button" className={`${btn.base} ${btn.primary} px-2 text-sm`} onClick={() => conductor.next()} aria-keyshortcuts="PageDown" title={s.sandbox ? t('nav.sandboxTitle') : t('nav.nextTitle')}>
            {s.sandbox ? t('nav.sandbox') : t('nav.next')} <span aria-hidden="true">→</span>
          </button>
        </nav>
      </div>
    </section>
  );
}
