import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MEMBERSHIP_SPEED, selectBuilding, selectSpeed, selectStatus, useMembership, type MembershipState } from '../../store/membership-store';
import { needsRebuild, resolveMembershipForm } from '../../store/membership-form';
import { btn, sectionTitle } from '../ui-classes';
import { membershipSession } from './session-instance';

const selectResetState = (s: MembershipState) => ({
  dirty: needsRebuild(resolveMembershipForm(s.form).config, s.applied),
  fresh: s.round === 0 && s.actions === 0,
});

/** Play/Pause, Step, Reset and Speed — the same names and keys as in Dissemination. */
export function MembershipRunControls(): JSX.Element {
  const session = membershipSession();
  const status = useMembership(selectStatus);
  const speed = useMembership(selectSpeed);
  const building = useMembership(selectBuilding);
  const { dirty, fresh } = useMembership(useShallow(selectResetState));
  const playing = status === 'playing';
  return (
    <section aria-labelledby="m-run-title">
      <h2 id="m-run-title" className={sectionTitle}>Run</h2>
      <div className="grid grid-cols-3 gap-2">
        <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => session.togglePlay()} disabled={building} aria-keyshortcuts="Space" title={playing ? 'Pause (Space)' : 'Play (Space)'}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.step()} disabled={building} aria-keyshortcuts="ArrowRight" title="One round (→)">
          Step <span aria-hidden="true">→</span>
        </button>
        <button
          type="button"
          className={`${btn.base} ${dirty && !fresh ? btn.attention : btn.secondary}`}
          onClick={() => session.reset()}
          aria-keyshortcuts="R"
          aria-describedby={dirty && !fresh ? 'm-reset-hint' : undefined}
          title="Rebuild the run from the settings and seed (R)"
        >
          Reset
        </button>
      </div>
      {dirty && !fresh && (
        <p id="m-reset-hint" className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          Settings changed: press Reset (R) to apply them.
        </p>
      )}
      <div className="mt-3 flex items-center gap-3">
        <label htmlFor="m-speed" className="text-sm font-semibold">Speed</label>
        <input
          id="m-speed"
          type="range"
          aria-label="Speed"
          aria-valuetext={`${speed} rounds per second`}
          min={MEMBERSHIP_SPEED.min}
          max={MEMBERSHIP_SPEED.max}
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
