import type { JSX } from 'react';
import { useLessonText } from '../../hooks/useLessons';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { btn } from '../ui-classes';

const selectPlaying = (s: RunCoreSlice) => s.status === 'playing';
const selectBuilding = (s: RunCoreSlice) => s.building;

/** The run's Play/Pause and one round, at hand in the lesson card (the sandbox's controls are folded away meanwhile). */
export function LessonRunRow(): JSX.Element {
  const t = useLessonText();
  const session = useRunSession();
  const playing = useRun(selectPlaying);
  const building = useRun(selectBuilding);
  return (
    <div role="group" aria-label={t('run.label')} className="flex gap-2">
      <button type="button" className={`${btn.base} ${btn.secondary} w-10 px-0 text-sm`} onClick={() => session.togglePlay()} disabled={building} aria-keyshortcuts="Space" aria-label={playing ? t('run.pause') : t('run.play')} title={t('run.withKey', { action: playing ? t('run.pause') : t('run.play'), key: 'Space' })}>
        <span aria-hidden="true" className="text-xl leading-none">{playing ? "❚❚" : "▶"}</span>
      </button>
      <button type="button" className={`${btn.base} ${btn.secondary} w-10 px-0 text-sm`} onClick={() => session.step()} disabled={building} aria-keyshortcuts="ArrowRight" aria-label={t('run.step')} title={t('run.stepTitle')}>
        <span aria-hidden="true" className="text-xl leading-none">▶|</span>
      </button>
    </div>
  );
}
