import { useId, useState, type FormEvent, type JSX } from 'react';
import { useLessonConductor, useLessonText } from '../../hooks/useLessons';
import type { Prediction } from '../../lessons/types';
import { useLesson, type LessonState } from '../../store/lesson-store';
import { btn, field } from '../ui-classes';
import { shown } from './prediction-words';
import { PredictionResult } from './PredictionResult';

const selectPhase = (s: LessonState) => s.phase;
const selectPredicted = (s: LessonState) => s.predicted;
const selectSkipped = (s: LessonState) => s.skipped;

/**
 * A prediction before the run: type a number or pick a choice, then the run plays (Skip plays it
 * without one). While it plays the card says so; then the engine's answer stands beside the
 * prediction and the theory.
 */
export function PredictionBox({ prediction }: { prediction: Prediction }): JSX.Element {
  const t = useLessonText();
  const phase = useLesson(selectPhase);
  const predicted = useLesson(selectPredicted);
  const skipped = useLesson(selectSkipped);
  const title = useId();
  return (
    <section aria-labelledby={title} className="rounded-md border-2 border-sky-700 p-2 dark:border-sky-500">
      <h3 id={title} className="text-base font-bold">{t(prediction.questionKey)}</h3>
      {phase === 'predict' && <PredictForm prediction={prediction} />}
      {phase === 'running' && (
        <p role="status" className="mt-1 text-[15px]">
          {skipped ? t('prediction.runningSkipped') : t('prediction.running', { value: shown(t, prediction, predicted) })}
        </p>
      )}
      {phase === 'answered' && <PredictionResult prediction={prediction} />}
    </section>
  );
}

function PredictForm({ prediction }: { prediction: Prediction }): JSX.Element {
  const t = useLessonText();
  const conductor = useLessonConductor();
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  const id = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (prediction.kind === 'choice') {
      if (choice !== null) conductor.predict(choice);
      else setProblem(true);
      return;
    }
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) setProblem(true);
    else conductor.predict(value);
  };
  return (
    <form onSubmit={submit} className="mt-1 flex flex-col gap-2" noValidate>
      {prediction.kind === 'number' ? (
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-n`} className="shrink-0 whitespace-nowrap text-sm font-semibold">{t('prediction.label')}</label>
          <input
            id={`${id}-n`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            className={`${field.replace('w-full ', '')} w-24 min-w-0`}
            value={text}
            onChange={(e) => { setText(e.target.value); setProblem(false); }}
            aria-invalid={problem}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <span className="shrink-0 whitespace-nowrap text-sm">{t(prediction.unitKey)}</span>
        </div>
      ) : (
        <fieldset className="flex flex-col gap-1">
          <legend className="sr-only">{t('prediction.label')}</legend>
          {prediction.choices.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-[15px]">
              <input type="radio" name={`${id}-choice`} value={c.id} checked={choice === c.id} onChange={() => { setChoice(c.id); setProblem(false); }} className="size-4" />
              {t(c.labelKey)}
            </label>
          ))}
        </fieldset>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
          {prediction.kind === 'choice' ? t('prediction.pickOne') : t('prediction.needNumber')}
        </p>
      )}
      <div className="grid grid-cols-[1fr_auto] gap-2">
        <button type="submit" className={`${btn.base} ${btn.primary}`}>{t('prediction.submit')}</button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => conductor.skip()}>{t('prediction.skip')}</button>
      </div>
    </form>
  );
}
