import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from '../hooks/useSession';
import { SPEED_LIMITS } from '../store/session';
import { formIsDirty, selectBuilding, selectSpeed, selectStatus } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, sectionTitle } from './ui-classes';

const selectResetState = (s: Parameters<typeof formIsDirty>[0]) => ({ dirty: formIsDirty(s), timeline: s.scheduleDirty, fresh: s.round === 0 && s.actions === 0 });

export function RunControls(): JSX.Element {
  const session = useSession();
  const status = useGossip(selectStatus);
  const speed = useGossip(selectSpeed);
  const building = useGossip(selectBuilding);
  const { dirty: formDirty, timeline, fresh } = useGossip(useShallow(selectResetState));
  const dirty = formDirty || timeline;
  const playing = status === 'playing';
  return (
    <section aria-labelledby="run-title">
      <h2 id="run-title" className={sectionTitle}>Run</h2>
      <div className="grid grid-cols-3 gap-2">
        <button
          type="button"
          className={`${btn.base} ${btn.primary}`}
          onClick={() => session.togglePlay()}
          disabled={building}
          aria-keyshortcuts="Space"
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className={`${btn.base} ${btn.secondary}`}
          onClick={() => session.step()}
          disabled={building}
          aria-keyshortcuts="ArrowRight"
          title="One round (→)"
        >
          Step <span aria-hidden="true">→</span>
        </button>
        <button
          type="button"
          className={`${btn.base} ${dirty && !fresh ? btn.attention : btn.secondary}`}
          onClick={() => session.reset()}
          aria-keyshortcuts="R"
          aria-describedby={dirty && !fresh ? 'reset-hint' : undefined}
          title="Rebuild the run from the settings and seed (R)"
        >
          Reset
        </button>
      </div>
      {dirty && !fresh && (
        <p id="reset-hint" className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {formDirty ? 'Settings changed: press Reset (R) to apply them.' : 'Timeline changed: press Reset (R) to run it from round 0.'}
        </p>
      )}
      <div className="mt-3 flex items-center gap-3">
        <label htmlFor="speed" className="text-sm font-semibold">Speed</label>
        <input
          id="speed"
          type="range"
          aria-label="Speed"
          aria-valuetext={`${speed} rounds per second`}
          min={SPEED_LIMITS.min}
          max={SPEED_LIMITS.max}
          step={0.5}
          value={speed}
          onChange={(e) => session.setSpeed(Number(e.target.value))}
          className="h-2 flex-1 accent-sky-700"
        />
        <span aria-hidden="true" className="w-20 text-right text-sm tabular-nums">{speed} rounds/s</span>
      </div>
    </section>
  );
}
