import { useState, useSyncExternalStore, type JSX } from 'react';
import type { RenderMode } from '../../render/graph-renderer';
import { selectBuilding, selectNodes, selectPartitioned, selectSelected, useMembership } from '../../store/membership-store';
import { btn, field, fieldLabel, sectionTitle } from '../ui-classes';
import { membershipFrameSource as membershipFrames, membershipSession } from '../../session/page-instances';

export interface MembershipActionsProps {
  /** What a drag on the graph does: pan, draw a split line or a lasso. */
  mode: RenderMode;
  setMode(mode: RenderMode): void;
}

interface ModeButtonProps {
  mode: RenderMode;
  current: RenderMode;
  setMode(mode: RenderMode): void;
  disabled: boolean;
  title: string;
  children: string;
}

/** Turns a drawing mode on (pressed) or back off to selecting. */
function ModeButton({ mode, current, setMode, disabled, title, children }: ModeButtonProps): JSX.Element {
  const on = current === mode;
  return (
    <button type="button" className={`${btn.base} ${on ? btn.pressed : btn.secondary}`} aria-pressed={on} disabled={disabled} onClick={() => setMode(on ? 'select' : mode)} title={title}>
      {children}
    </button>
  );
}

/** Crash or recover the selected node, split the network (in halves, by a line, by a lasso), heal it. */
export function MembershipActions({ mode, setMode }: MembershipActionsProps): JSX.Element {
  const session = membershipSession();
  useSyncExternalStore(membershipFrames.subscribe, membershipFrames.version);
  const selected = useMembership(selectSelected);
  const partitioned = useMembership(selectPartitioned);
  const building = useMembership(selectBuilding);
  const nodes = useMembership(selectNodes);
  const [pick, setPick] = useState('');
  const f = membershipFrames.detail();
  const crashed = selected !== null && f !== null && f.alive[selected] === 0;
  const choose = (): void => {
    const v = Number(pick.trim());
    if (pick.trim() === '' || !Number.isInteger(v) || v < 0 || v >= nodes) {
      session.notify('error', `Node ids go from 0 to ${nodes - 1}; "${pick}" is not one.`);
      return;
    }
    session.select(v);
  };
  return (
    <section aria-labelledby="m-actions-title">
      <h2 id="m-actions-title" className={sectionTitle}>Faults</h2>
      <p className="mb-2 text-sm" aria-live="polite">
        {selected === null ? 'No node selected: click one in the graph.' : `Selected: node ${selected} (${crashed ? 'crashed' : 'up'})`}
      </p>
      <div className="grid grid-cols-2 gap-2">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            choose();
          }}
        >
          <label htmlFor="m-pick" className={fieldLabel}>Node</label>
          <input id="m-pick" type="number" aria-label="Select node" title="Type a node id and press Enter" min={0} max={Math.max(0, nodes - 1)} className={field} value={pick} onChange={(e) => setPick(e.target.value)} />
        </form>
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={building} onClick={() => session.toggleCrash()} title="Crash the selected node, or recover it (Shift+click in the graph)">
          {crashed ? 'Recover' : 'Crash'}
        </button>
        <button type="button" className={`${btn.base} ${partitioned ? btn.pressed : btn.secondary} whitespace-nowrap px-2`} disabled={building} onClick={() => session.splitHalves()} title="Cut the network between the left and the right half">
          Split in halves
        </button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={building || !partitioned} onClick={() => session.heal()}>
          Heal
        </button>
        <ModeButton mode="split" current={mode} setMode={setMode} disabled={building} title="Drag a line across the graph to cut the network in two (Esc cancels)">
          Split
        </ModeButton>
        <ModeButton mode="lasso" current={mode} setMode={setMode} disabled={building} title="Draw a loop on the graph: the nodes inside are cut off from the rest (Esc cancels)">
          Lasso
        </ModeButton>
      </div>
    </section>
  );
}
