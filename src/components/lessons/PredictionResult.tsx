import type { JSX } from 'react';
import { useLessonText } from '../../hooks/useLessons';
import { formatNumber } from '../../i18n';
import type { Prediction } from '../../lessons/types';
import { useLesson, type LessonState } from '../../store/lesson-store';
import { shown } from './prediction-words';

const selectAnswer = (s: LessonState) => s.answer;
const selectPredicted = (s: LessonState) => s.predicted;

/** Within a fifth of the engine's answer (or one unit of it) counts as a good guess. */
function close(predicted: number, answer: number): boolean {
  return Math.abs(predicted - answer) <= Math.max(1, 0.2 * Math.abs(answer));
}

/** The engine's answer beside the student's prediction and theory's value (with its source). */
export function PredictionResult({ prediction: p }: { prediction: Prediction }): JSX.Element {
  const t = useLessonText();
  const answer = useLesson(selectAnswer);
  const predicted = useLesson(selectPredicted);
  if (answer === null) return <></>;
  const engine = p.kind === 'choice'
    ? shown(t, p, p.choiceOf(answer))
    : `${formatNumber(answer, p.digits ?? 0)} ${t(p.unitKey)}`;
  const good = predicted === null ? null
    : p.kind === 'choice' ? predicted === p.choiceOf(answer) : close(Number(predicted), answer);
  const row = 'grid grid-cols-[5.5rem_1fr] gap-x-2';
  return (
    <div role="status" aria-label={t('result.label')} className="mt-1 flex flex-col gap-0.5 text-[15px]">
      <p className={row}>
        <span className="font-semibold">{t('result.you')}</span>
        <span>
          {predicted === null ? t('result.skipped') : shown(t, p, predicted)}
          {good !== null && (
            <span className={`ml-1 font-semibold ${good ? 'text-sky-800 dark:text-sky-300' : 'text-orange-800 dark:text-orange-300'}`}>
              <span aria-hidden="true">{good ? ' ✓' : ' ✗'}</span> {good ? t('result.good') : t('result.off')}
            </span>
          )}
        </span>
      </p>
      <p className={row}><span className="font-semibold">{t('result.engine')}</span><span className="font-bold">{engine}</span></p>
      {p.theory && (
        <p className={row}>
          <span className="font-semibold">{t('result.theory')}</span>
          <span>{formatNumber(p.theory.value, 1)}{` ${t(p.kind === 'number' ? p.unitKey : (p.theory.unitKey ?? ''))}`.trimEnd()} <span className="text-sm text-slate-600 dark:text-slate-300">({t(p.theory.sourceKey)})</span></span>
        </p>
      )}
    </div>
  );
}
