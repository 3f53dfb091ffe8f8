import type { JSX } from 'react';
import { useLessonText } from '../../hooks/useLessons';
import { CHAPTERS, stepAt, stepKey } from '../../lessons/chapters';
import { useLesson, type LessonState } from '../../store/lesson-store';
import { shown } from './prediction-words';

const selectPosition = (s: LessonState) => `${s.chapter}/${s.step}`;
const selectPhase = (s: LessonState) => s.phase;
const selectAnswer = (s: LessonState) => s.answer;

/** Presenter mode's caption during a lesson: the step's title and question, then the engine's answer. */
export function LessonCaption(): JSX.Element {
  const t = useLessonText();
  const [chapter, step] = useLesson(selectPosition).split('/').map(Number);
  const phase = useLesson(selectPhase);
  const answer = useLesson(selectAnswer);
  const s = stepAt(chapter, step);
  const p = s.prediction;
  const engine = p && answer !== null ? (p.kind === 'choice' ? shown(t, p, p.choiceOf(answer)) : shown(t, p, answer)) : null;
  return (
    <p>
      <strong>{t('panel.chapter', { n: chapter + 1, count: CHAPTERS.length })} · {t(`${stepKey(chapter, step)}.title`)}</strong>
      {p && ` ${t(p.questionKey)}`}
      {phase === 'answered' && engine && <> — {t('result.engine')}: <strong>{engine}</strong></>}
      {s.challenge && ` ${t('challenge.title')}: ${t(`challenge.${s.challenge}.goal`)}`}
    </p>
  );
}
