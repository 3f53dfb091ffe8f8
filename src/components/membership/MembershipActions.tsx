import { useState, useSyncExternalStore, type JSX } from 'react';
import type { RenderMode } from '../../render/graph-renderer';
import { selectBuilding, selectNodes, selectPartitioned, selectSelected, useMembership } from '../../store/membership-store';
import { btn, field, fieldLabel, sectionTitle } from '../ui-classes';
import { membershipFrameSource as membershipFrames, membershipSession } from '../../session/page-instances';
import { useTranslation } from 'react-i18next';
import { DrawModeButton } from '../DrawModeButton';

export interface MembershipActionsProps {
  /** What a drag on the graph does: pan, draw a split line or a lasso. */
  mode: RenderMode;
  setMode(mode: RenderMode): void;
}

/** Crash or recover the selected node, split the network (in halves, by a line, by a lasso), heal it. */
export function MembershipActions({ mode, setMode }: MembershipActionsProps): JSX.Element {
  const { t } = useTranslation('membership');
  const session = membershipSession();
  useSyncExternalStore(membershipFrames.subscribe, membershipFrames.version);
  const selected = useMembership(selectSelected);
  const partitioned = useMembership(selectPartitioned);
  const building = useMembership(selectBuilding);
  const nodes = useMembership(selectNodes);
  const [pick, setPick] = useState('');
  const f = membershipFrames.detail();
  const crashed = selected !== null && f !== null && f.alive[selected] === 0;
  const toggle = (drawing: RenderMode): void => setMode(mode === drawing ? 'select' : drawing);
  const choose = (): void => {
    const v = Number(pick.trim());
    if (pick.trim() === '' || !Number.isInteger(v) || v < 0 || v >= nodes) {
      session.notify('error', t('actions.badId', { max: nodes - 1, text: pick }));
      return;
    }
    session.select(v);
  };
  return (
    <section aria-labelledby="m-actions-title">
      <h2 id="m-actions-title" className={sectionTitle}>{t('actions.title')}</h2>
      <p className="mb-2 text-sm" aria-live="polite">
        {selected === null ? t('actions.noneSelected') : t(crashed ? 'actions.selectedCrashed' : 'actions.selectedUp', { node: selected })}
      </p>
      <div className="grid grid-cols-2 gap-2">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            choose();
          }}
        >
          <label htmlFor="m-pick" className={`${fieldLabel} shrink-0`}>{t('actions.node')}</label>
          <input id="m-pick" type="number" aria-label={t('actions.select')} title={t('actions.selectTitle')} min={0} max={Math.max(0, nodes - 1)} className={field} value={pick} onChange={(e) => setPick(e.target.value)} />
        </form>
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={building} onClick={() => session.toggleCrash()} title={t('actions.crashTitle')}>
          {crashed ? t('actions.recover') : t('actions.crash')}
        </button>
        <button type="button" className={`${btn.base} ${partitioned ? btn.pressed : btn.secondary} px-2`} disabled={building} onClick={() => session.splitHalves()} title={t('actions.halvesTitle')}>
          {t('actions.halves')}
        </button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={building || !partitioned} onClick={() => session.heal()}>
          {t('actions.heal')}
        </button>
        <DrawModeButton on={mode === 'split'} onToggle={() => toggle('split')} disabled={building} title={t('actions.splitTitle')}>
          {t('actions.split')}
        </DrawModeButton>
        <DrawModeButton on={mode === 'lasso'} onToggle={() => toggle('lasso')} disabled={building} title={t('actions.lassoTitle')}>
          {t('actions.lasso')}
        </DrawModeButton>
      </div>
    </section>
  );
}
