import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun, useRunSession } from '../hooks/useRun';
import { formatNumber } from '../i18n';
import { SPEED_LIMITS, type RunCoreSlice } from '../store/run-core-slice';
import { btn, sectionTitle } from './ui-classes';

/** Three to a row in the narrowest (17rem) control column: a little less padding, so "❚❚ Pause" and "单步 →" fit. */
// No wrapping: a CJK label otherwise breaks between its characters (单/步) in the narrow column.
const runButton = `${btn.base.replace('px-3', 'px-2')} whitespace-nowrap`;

const selectStatus = (s: RunCoreSlice) => s.status;
const selectSpeed = (s: RunCoreSlice) => s.speed;
const selectBuilding = (s: RunCoreSlice) => s.building;

/**
 * Play/Pause, Step, Reset and Speed for the shown mode's run — the same names and keys in both
 * modes. `idPrefix` keeps element ids unique per mode ('' or 'm-').
 */
export function RunControls({ idPrefix = '' }: { idPrefix?: string }): JSX.Element {
  const { t } = useTranslation('controls');
  const session = useRunSession();
  const playing = useRun(selectStatus) === 'playing';
  const speed = useRun(selectSpeed);
  const building = useRun(selectBuilding);
  const rate = formatNumber(speed, 1);
  return (
    <section aria-labelledby={`${idPrefix}run-title`}>
      <h2 id={`${idPrefix}run-title`} className={sectionTitle}>{t('run.title')}</h2>
      <div className="grid grid-cols-[1.25fr_1fr_1fr] gap-2">
        <button
          type="button"
          className={`${runButton} ${btn.primary}`}
          onClick={() => session.togglePlay()}
          disabled={building}
          aria-keyshortcuts="Space"
          title={playing ? t('run.pauseTitle') : t('run.playTitle')}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? t('run.pause') : t('run.play')}
        </button>
        <button
          type="button"
          className={`${runButton} ${btn.secondary}`}
          onClick={() => session.step()}
          disabled={building}
          aria-keyshortcuts="ArrowRight"
          title={t('run.stepTitle')}
        >
          {t('run.step')} <span aria-hidden="true">→</span>
        </button>
        <button
          type="button"
          className={`${runButton} ${btn.secondary}`}
          onClick={() => session.reset()}
          aria-keyshortcuts="R"
          title={t('run.resetTitle')}
        >
          {t('run.reset')}
        </button>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <label htmlFor={`${idPrefix}speed`} className="shrink-0 text-sm font-semibold">{t('run.speed')}</label>
        <input
          id={`${idPrefix}speed`}
          type="range"
          aria-label={t('run.speed')}
          aria-valuetext={t('run.speedValue', { speed: rate })}
          min={SPEED_LIMITS.min}
          max={SPEED_LIMITS.max}
          step={0.5}
          value={speed}
          onChange={(e) => session.setSpeed(Number(e.target.value))}
          className="h-2 flex-1 accent-sky-700"
        />
        <span aria-hidden="true" className="shrink-0 text-right text-sm whitespace-nowrap tabular-nums">{t('run.speedShort', { speed: rate })}</span>
      </div>
    </section>
  );
}
