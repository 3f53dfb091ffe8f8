import { useId, useMemo, type JSX } from 'react';
import { INTEREST_RULES, type InterestRule } from '../engine/types';
import { useSession } from '../hooks/useSession';
import {
  DEFAULT_FORM, DELAY_KINDS, PAGE_LIMITS, describeChurn, describeDelay, describeRumor, resolveForm, type DelayKind,
} from '../run/form';
import { selectAppliedForm, selectForm } from '../store/selectors';
import { useGossip } from '../store/store';
import { Disclosure } from './Disclosure';
import { NumberField } from './NumberField';
import { field, fieldLabel } from './ui-classes';

/** What each interest rule means, for the select's tooltip. */
const INTEREST_HELP: Record<InterestRule, string> = {
  'feedback-counter': 'Stop after k contacts in a row that already knew',
  'feedback-coin': 'Stop with probability 1/k after each contact that already knew',
  'blind-counter': 'Stop after k pushes, whatever the answer',
  'blind-coin': 'Stop with probability 1/k after each push',
};

/**
 * The settings a first look does without, in three collapsible groups that open by themselves
 * when a preset (or the protocol) makes them matter: rumor mongering, the network's delay,
 * and churn.
 */
export function AdvancedSettings(): JSX.Element {
  const session = useSession();
  const form = useGossip(selectForm);
  const applied = useGossip(selectAppliedForm);
  const { config, notes } = useMemo(() => resolveForm(form, applied), [form, applied]);
  const interestId = useId(), delayId = useId(), emptyId = useId();
  const rumor = form.protocol === 'rumor';
  const set = session.setFormValue.bind(session);
  return (
    <div className="mt-3 flex flex-col gap-2">
      <Disclosure title="Rumor mongering" digest={describeRumor(config)} openWhen={rumor || form.antiEntropy !== DEFAULT_FORM.antiEntropy}>
        {rumor && (
          <>
            <div className="col-span-2 flex min-w-0 flex-col gap-0.5">
              <label htmlFor={interestId} className={fieldLabel}>Interest</label>
              <select id={interestId} className={field} value={form.interest} title={INTEREST_HELP[form.interest]} onChange={(e) => set('interest', e.target.value as InterestRule)}>
                {INTEREST_RULES.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            </div>
            <NumberField label="k" value={form.k} min={PAGE_LIMITS.k.min} max={PAGE_LIMITS.k.max} note={notes.k} onChange={(v) => set('k', v)} />
            <p className="self-end pb-1 text-sm text-slate-600 dark:text-slate-300">{INTEREST_HELP[form.interest].replace(/\bk\b/, `k = ${config.k}`)}</p>
          </>
        )}
        <div className="col-span-2">
          <NumberField
            label="Anti-entropy every"
            suffix="rounds"
            value={form.antiEntropy}
            min={PAGE_LIMITS.antiEntropy.min}
            max={PAGE_LIMITS.antiEntropy.max}
            note={notes.antiEntropy ?? { tone: 'info', text: 'Each live node push-pulls with one random peer every R rounds; 0 = off.' }}
            onChange={(v) => set('antiEntropy', v)}
          />
        </div>
      </Disclosure>
      <Disclosure title="Network" digest={describeDelay(config.delay)} openWhen={form.delayKind !== 'fixed' || form.delayRounds !== DEFAULT_FORM.delayRounds}>
        <div className="col-span-2 flex min-w-0 flex-col gap-0.5">
          <label htmlFor={delayId} className={fieldLabel}>Delay</label>
          <select id={delayId} className={field} value={form.delayKind} onChange={(e) => set('delayKind', e.target.value as DelayKind)}>
            {DELAY_KINDS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
          </select>
        </div>
        {form.delayKind === 'fixed' && (
          <NumberField label="Delay rounds" value={form.delayRounds} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayRounds} onChange={(v) => set('delayRounds', v)} />
        )}
        {form.delayKind === 'uniform' && (
          <>
            <NumberField label="Delay min" value={form.delayMin} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayMin} onChange={(v) => set('delayMin', v)} />
            <NumberField label="Delay max" value={form.delayMax} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayMax} onChange={(v) => set('delayMax', v)} />
          </>
        )}
        {form.delayKind === 'exp' && (
          <NumberField label="Delay mean" value={form.delayMean} min={PAGE_LIMITS.delayMean.min} max={PAGE_LIMITS.delayMean.max} step={0.5} note={notes.delayMean} onChange={(v) => set('delayMean', v)} />
        )}
      </Disclosure>
      <Disclosure title="Churn" digest={describeChurn(config)} openWhen={config.crashRate > 0 || config.recoverRate > 0}>
        <NumberField label="Crash rate" suffix="%" value={form.crashRate} min={0} max={100} step={0.5} note={notes.crashRate} onChange={(v) => set('crashRate', v)} />
        <NumberField label="Recover rate" suffix="%" value={form.recoverRate} min={0} max={100} step={1} note={notes.recoverRate} onChange={(v) => set('recoverRate', v)} />
        <div className="col-span-2">
          <div className="flex items-center gap-2">
            <input id={emptyId} type="checkbox" className="h-4 w-4 accent-sky-700" checked={form.recoverEmpty} onChange={(e) => set('recoverEmpty', e.target.checked)} />
            <label htmlFor={emptyId} className={fieldLabel}>Recover empty</label>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-300">A recovered node restarts with nothing, instead of what it knew.</p>
        </div>
      </Disclosure>
    </div>
  );
}
