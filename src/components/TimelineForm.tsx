import { useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ROUND } from '../engine/limits';
import type { Action } from '../engine/types';
import { useSession } from '../hooks/useSession';
import { timelineActions, TIMELINE_KINDS, type TimelineDraft, type TimelineKind } from '../run/timeline-draft';
import { selectNodes, selectRound } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, field, fieldLabel } from './ui-classes';

const small = `${field} px-1.5 py-0.5 text-sm`;

/** A small form that adds an action at a round to the timeline. */
export function TimelineForm(): JSX.Element {
  const { t } = useTranslation('controls');
  const session = useSession();
  const round = useGossip(selectRound);
  const nodes = useGossip(selectNodes);
  const [draft, setDraft] = useState<TimelineDraft>({ round: '', kind: 'write', node: '0', groups: '2', ids: '', from: '1', to: '2', loss: '0' });
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { round: useId(), kind: useId(), node: useId(), groups: useId(), ids: useId(), from: useId(), to: useId(), loss: useId(), problem: useId() };
  const set = (patch: Partial<TimelineDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const roundText = draft.round === '' ? String(round + 1) : draft.round;
  const kind = draft.kind;

  const add = () => {
    const result = timelineActions({ ...draft, round: roundText }, nodes, (k) => session.groupsInto(k));
    if (typeof result === 'string') {
      setProblem(result);
      return;
    }
    setProblem(null);
    result.actions.forEach((a: Action) => session.addToTimeline(result.round, a));
  };

  const num = (key: 'node' | 'groups' | 'from' | 'to' | 'loss', label: string, extra: { min?: number; max?: number } = {}) => (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={ids[key]} className={fieldLabel}>{label}</label>
      <input id={ids[key]} type="number" inputMode="numeric" className={small} value={draft[key]} min={extra.min} max={extra.max} onChange={(e) => set({ [key]: e.target.value })} />
    </div>
  );

  return (
    <form
      aria-label={t('timeline.form')}
      className="mt-3 grid grid-cols-2 gap-x-2 gap-y-1.5 border-t border-slate-200 pt-2 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={ids.round} className={fieldLabel}>{t('timeline.atRound')}</label>
        <input id={ids.round} type="number" inputMode="numeric" min={0} max={MAX_ROUND} className={small} value={roundText} onChange={(e) => set({ round: e.target.value })} />
      </div>
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={ids.kind} className={fieldLabel}>{t('timeline.action')}</label>
        <select id={ids.kind} className={small} value={kind} onChange={(e) => set({ kind: e.target.value as TimelineKind })}>
          {TIMELINE_KINDS.map((k) => <option key={k} value={k}>{t(`timeline.kinds.${k}`)}</option>)}
        </select>
      </div>
      {(kind === 'write' || kind === 'crash' || kind === 'recover') && num('node', t('timeline.node'), { min: 0, max: nodes - 1 })}
      {kind === 'split' && num('groups', t('timeline.intoGroups'), { min: 2, max: 8 })}
      {kind === 'isolate' && (
        <div className="col-span-2 flex min-w-0 flex-col gap-0.5">
          <label htmlFor={ids.ids} className={fieldLabel}>{t('timeline.nodeIds')}</label>
          <input id={ids.ids} type="text" placeholder="3, 5-9" className={small} value={draft.ids} onChange={(e) => set({ ids: e.target.value })} />
        </div>
      )}
      {(kind === 'cut-one-way' || kind === 'cut-both' || kind === 'open-both') && (
        <>
          {num('from', t('timeline.fromGroup'), { min: 0, max: 63 })}
          {num('to', t('timeline.toGroup'), { min: 0, max: 63 })}
        </>
      )}
      {(kind === 'open-both' || kind === 'packet-loss') && num('loss', t('timeline.loss'), { min: 0, max: 100 })}
      <button type="submit" className={`${btn.base} ${btn.secondary} col-span-2 px-2 py-1 text-sm`} aria-describedby={problem ? ids.problem : undefined}>
        {t('timeline.add')}
      </button>
      {problem && <p id={ids.problem} role="alert" className="col-span-2 text-sm font-semibold text-amber-800 dark:text-amber-300">{problem}</p>}
    </form>
  );
}
