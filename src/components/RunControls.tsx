import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from '../hooks/useSession';
import { formIsDirty, selectBuilding, selectSpeed, selectStatus } from '../store/selectors';
import { useGossip } from '../store/store';
import { RunControlsView } from './RunControlsView';

const selectResetState = (s: Parameters<typeof formIsDirty>[0]) => ({ dirty: formIsDirty(s), timeline: s.scheduleDirty, fresh: s.round === 0 && s.actions === 0 });

/** The dissemination run's controls: Reset also asks for a press when the timeline changed. */
export function RunControls(): JSX.Element {
  const session = useSession();
  const status = useGossip(selectStatus);
  const speed = useGossip(selectSpeed);
  const building = useGossip(selectBuilding);
  const { dirty: formDirty, timeline, fresh } = useGossip(useShallow(selectResetState));
  const hint = (formDirty || timeline) && !fresh
    ? formDirty ? 'Settings changed: press Reset (R) to apply them.' : 'Timeline changed: press Reset (R) to run it from round 0.'
    : null;
  return (
    <RunControlsView
      idPrefix=""
      status={status}
      speed={speed}
      building={building}
      resetHint={hint}
      onTogglePlay={() => session.togglePlay()}
      onStep={() => session.step()}
      onReset={() => session.reset()}
      onSpeed={(v) => session.setSpeed(v)}
    />
  );
}
