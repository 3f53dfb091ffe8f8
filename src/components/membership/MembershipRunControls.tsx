import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { needsRebuild, resolveMembershipForm } from '../../run/membership-form';
import { selectBuilding, selectSpeed, selectStatus, useMembership, type MembershipState } from '../../store/membership-store';
import { RunControlsView } from '../RunControlsView';
import { membershipSession } from '../../session/page-instances';

const selectResetState = (s: MembershipState) => ({
  dirty: needsRebuild(resolveMembershipForm(s.form).config, s.applied),
  fresh: s.round === 0 && s.actions === 0,
});

/** Play/Pause, Step, Reset and Speed for the membership run — the same names and keys as in Dissemination. */
export function MembershipRunControls(): JSX.Element {
  const session = membershipSession();
  const status = useMembership(selectStatus);
  const speed = useMembership(selectSpeed);
  const building = useMembership(selectBuilding);
  const { dirty, fresh } = useMembership(useShallow(selectResetState));
  return (
    <RunControlsView
      idPrefix="m-"
      status={status}
      speed={speed}
      building={building}
      resetHint={dirty && !fresh ? 'Settings changed: press Reset (R) to apply them.' : null}
      onTogglePlay={() => session.togglePlay()}
      onStep={() => session.step()}
      onReset={() => session.reset()}
      onSpeed={(v) => session.setSpeed(v)}
    />
  );
}
