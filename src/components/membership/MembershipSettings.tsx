import { useId, type JSX } from 'react';
import type { FieldNote } from '../../run/form';
import { FIELD_RULES, nodeLimitHint, resolveMembershipForm, type MembershipForm, type NumericField } from '../../run/membership-form';
import { selectForm, useMembership } from '../../store/membership-store';
import { NumberField } from '../NumberField';
import { field, fieldLabel, sectionTitle } from '../ui-classes';
import { membershipSession } from '../../session/page-instances';
import { useTranslation } from 'react-i18next';

const PERCENT = '%';

function Check({ label, checked, hint, onChange }: { label: string; checked: boolean; hint: string; onChange(v: boolean): void }): JSX.Element {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input type="checkbox" className="h-4 w-4 accent-sky-700" checked={checked} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">{hint}</p>
    </div>
  );
}

/** Protocol, cluster and the protocol's parameters, with memberlist's and Cassandra's names. */
export function MembershipSettings(): JSX.Element {
  const { t, i18n } = useTranslation('membership');
  const session = membershipSession();
  const form = useMembership(selectForm);
  void i18n.language; // the refusals are worded on every render, in the page's language
  const { problems } = resolveMembershipForm(form);
  const set = <K extends keyof MembershipForm>(k: K, v: MembershipForm[K]): void => session.setFormValue(k, v);
  // A refusal is announced and marks the field invalid; a hint only shows when there is none.
  const noteOf = (problem: string | undefined, hint: string | undefined): FieldNote | undefined =>
    problem ? { tone: 'adjusted', text: problem } : hint ? { tone: 'info', text: hint } : undefined;
  const num = (k: NumericField, extra: { hint?: string; suffix?: string; step?: number } = {}): JSX.Element => (
    <NumberField
      label={FIELD_RULES[k].label}
      value={form[k]}
      min={FIELD_RULES[k].min}
      max={FIELD_RULES[k].max}
      step={extra.step}
      suffix={extra.suffix}
      note={noteOf(problems[k], extra.hint)}
      numericKeypad={false}
      onChange={(v) => set(k, v)}
    />
  );
  return (
    <section aria-labelledby="m-settings-title">
      <h2 id="m-settings-title" className={sectionTitle}>{t('settings.title')}</h2>
      <div className="flex flex-col gap-2">
        <div className="flex flex-col gap-0.5">
          <label htmlFor="m-protocol" className={fieldLabel}>{t('settings.protocol')}</label>
          <select id="m-protocol" className={field} value={form.protocol} onChange={(e) => set('protocol', e.target.value as MembershipForm['protocol'])}>
            <option value="swim">{t('settings.swim')}</option>
            <option value="heartbeat">{t('settings.heartbeat')}</option>
          </select>
        </div>
        {num('nodes', { hint: nodeLimitHint(form.protocol, form.protocol === 'heartbeat' && form.phi) })}
        <div className="grid grid-cols-2 gap-2">
          {num('loss', { suffix: PERCENT, step: 1 })}
          {num('seed')}
        </div>
        {form.protocol === 'swim' ? (
          <>
            <div className="grid grid-cols-2 gap-2">
              {num('indirectChecks')}
              {num('suspicionMult')}
              {num('retransmitMult')}
              {num('gossipNodes')}
            </div>
            {num('pushPullInterval', { hint: t('settings.pushPullHint') })}
            <Check label={t('settings.reconnect')} checked={form.reconnect} hint={t('settings.reconnectHint')} onChange={(v) => set('reconnect', v)} />
          </>
        ) : (
          <>
            <div className="grid grid-cols-2 gap-2">
              {num('tFail', { hint: t('settings.rounds') })}
              {num('tCleanup', { hint: t('settings.never') })}
            </div>
            <Check label={t('settings.phi')} checked={form.phi} hint={t('settings.phiHint')} onChange={(v) => set('phi', v)} />
            {num('phiThreshold', { step: 0.5 })}
          </>
        )}
      </div>
    </section>
  );
}
