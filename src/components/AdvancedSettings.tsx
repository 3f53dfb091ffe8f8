import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { INTEREST_RULES, type InterestRule } from '../engine/types';
import { useSession } from '../hooks/useSession';
import {
  DEFAULT_FORM, DELAY_KINDS, PAGE_LIMITS, describeChurn, describeDelay, describeRumor, type DelayKind, type FormValues, type ResolvedForm,
} from '../run/form';
import { Disclosure } from './Disclosure';
import { NumberField } from './NumberField';
import { field, fieldLabel } from './ui-classes';

/**
 * The settings a first look does without, in three collapsible groups that open by themselves
 * when a preset (or the protocol) makes them matter: rumor mongering, the network's delay,
 * and churn. `form` as typed and as ConfigForm resolved it.
 */
export function AdvancedSettings({ form, resolved: { config, notes } }: { form: FormValues; resolved: ResolvedForm }): JSX.Element {
  const { t } = useTranslation('controls');
  const session = useSession();
  const interestId = useId(), delayId = useId(), emptyId = useId();
  const rumor = form.protocol === 'rumor';
  const set = session.setFormValue.bind(session);
  return (
    <div className="mt-3 flex flex-col gap-2">
      <Disclosure title={t('settings.rumor')} digest={describeRumor(config)} openWhen={rumor || form.antiEntropy !== DEFAULT_FORM.antiEntropy}>
        {rumor && (
          <>
            <div className="col-span-2 flex min-w-0 flex-col gap-0.5">
              <label htmlFor={interestId} className={fieldLabel}>{t('settings.interest')}</label>
              <select id={interestId} className={field} value={form.interest} title={t(`interestHelp.${form.interest}`, { k: 'k' })} onChange={(e) => set('interest', e.target.value as InterestRule)}>
                {INTEREST_RULES.map((r) => <option key={r} value={r}>{t(`interest.${r}`)}</option>)}
              </select>
            </div>
            <NumberField label={t('settings.k')} value={form.k} min={PAGE_LIMITS.k.min} max={PAGE_LIMITS.k.max} note={notes.k} onChange={(v) => set('k', v)} />
            <p className="self-end pb-1 text-sm text-slate-600 dark:text-slate-300">{t(`interestHelp.${form.interest}`, { k: `k = ${config.k}` })}</p>
          </>
        )}
        <div className="col-span-2">
          <NumberField
            label={t('settings.antiEntropy')}
            suffix={t('settings.rounds')}
            value={form.antiEntropy}
            min={PAGE_LIMITS.antiEntropy.min}
            max={PAGE_LIMITS.antiEntropy.max}
            note={notes.antiEntropy ?? { tone: 'info', text: t('settings.antiEntropyHint') }}
            onChange={(v) => set('antiEntropy', v)}
          />
        </div>
      </Disclosure>
      <Disclosure title={t('settings.network')} digest={describeDelay(config.delay)} openWhen={form.delayKind !== 'fixed' || form.delayRounds !== DEFAULT_FORM.delayRounds}>
        <div className="col-span-2 flex min-w-0 flex-col gap-0.5">
          <label htmlFor={delayId} className={fieldLabel}>{t('settings.delay')}</label>
          <select id={delayId} className={field} value={form.delayKind} onChange={(e) => set('delayKind', e.target.value as DelayKind)}>
            {DELAY_KINDS.map((d) => <option key={d} value={d}>{t(`delayKind.${d}`)}</option>)}
          </select>
        </div>
        {form.delayKind === 'fixed' && (
          <NumberField label={t('settings.delayRounds')} value={form.delayRounds} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayRounds} onChange={(v) => set('delayRounds', v)} />
        )}
        {form.delayKind === 'uniform' && (
          <>
            <NumberField label={t('settings.delayMin')} value={form.delayMin} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayMin} onChange={(v) => set('delayMin', v)} />
            <NumberField label={t('settings.delayMax')} value={form.delayMax} min={PAGE_LIMITS.delay.min} max={PAGE_LIMITS.delay.max} note={notes.delayMax} onChange={(v) => set('delayMax', v)} />
          </>
        )}
        {form.delayKind === 'exp' && (
          <NumberField label={t('settings.delayMean')} value={form.delayMean} min={PAGE_LIMITS.delayMean.min} max={PAGE_LIMITS.delayMean.max} step={0.5} note={notes.delayMean} onChange={(v) => set('delayMean', v)} />
        )}
      </Disclosure>
      <Disclosure title={t('settings.churn')} digest={describeChurn(config)} openWhen={config.crashRate > 0 || config.recoverRate > 0}>
        <NumberField label={t('settings.crashRate')} suffix="%" value={form.crashRate} min={0} max={100} step={0.5} note={notes.crashRate} onChange={(v) => set('crashRate', v)} />
        <NumberField label={t('settings.recoverRate')} suffix="%" value={form.recoverRate} min={0} max={100} step={1} note={notes.recoverRate} onChange={(v) => set('recoverRate', v)} />
        <div className="col-span-2">
          <div className="flex items-center gap-2">
            <input id={emptyId} type="checkbox" className="h-4 w-4 accent-sky-700" checked={form.recoverEmpty} onChange={(e) => set('recoverEmpty', e.target.checked)} />
            <label htmlFor={emptyId} className={fieldLabel}>{t('settings.recoverEmpty')}</label>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t('settings.recoverEmptyHint')}</p>
        </div>
      </Disclosure>
    </div>
  );
}
