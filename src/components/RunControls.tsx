import type { JSX } from 'react';
import { useRun, useRunSession } from '../hooks/useRun';
import type { RunCoreSlice } from '../store/run-core-slice';
import { RunControlsView } from './RunControlsView';

const selectStatus = (s: RunCoreSlice) => s.status;
const selectSpeed = (s: RunCoreSlice) => s.speed;
const selectBuilding = (s: RunCoreSlice) => s.building;

/** Play/Pause, Step, Reset and Speed for the shown mode's run — the same names and keys in both modes. */
export function RunControls({ idPrefix = '' }: { idPrefix?: string }): JSX.Element {
  const session = useRunSession();
  const status = useRun(selectStatus);
  const speed = useRun(selectSpeed);
  const building = useRun(selectBuilding);
  return (
    <RunControlsView
      idPrefix={idPrefix}
      status={status}
      speed={speed}
      building={building}
      onTogglePlay={() => session.togglePlay()}
      onStep={() => session.step()}
      onReset={() => session.reset()}
      onSpeed={(v) => session.setSpeed(v)}
    />
  );
}
