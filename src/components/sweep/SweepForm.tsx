import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTOCOLS } from '../../engine/types';
import { PARAM_SPECS, SWEEP_PARAMS, type SweepParam } from '../../lab/sweep-params';
import { MAX_STEPS, MAX_TRIALS } from '../../lab/sweep-plan';
import { field, fieldLabel } from '../ui-classes';
import { formForParam, type SweepFormValues } from './sweep-form-state';
import { paramName, paramUnit, protocolName } from './sweep-words';

interface SweepFormProps {
  values: SweepFormValues;
  onChange(values: SweepFormValues): void;
}

function TextNumber({ label, value, onChange, min, max }: { label: string; value: string; onChange(v: string): void; min: number; max: number }): JSX.Element {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className={fieldLabel}>{label}</label>
      <input id={id} className={field} type="number" inputMode="decimal" min={min} max={max} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** What to sweep: the parameter, its range and steps (or the protocols), and trials per point. */
export function SweepForm({ values, onChange }: SweepFormProps): JSX.Element {
  const { t } = useTranslation('sweep');
  const paramId = useId();
  const spec = PARAM_SPECS[values.param];
  const unit = paramUnit(t, values.param);
  const withUnit = (label: string): string => (unit ? t('form.withUnit', { label, unit }) : label);
  const set = (patch: Partial<SweepFormValues>) => onChange({ ...values, ...patch });
  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2">
      <div className="col-span-2 flex flex-col gap-0.5">
        <label htmlFor={paramId} className={fieldLabel}>{t('form.parameter')}</label>
        <select id={paramId} className={field} value={values.param} onChange={(e) => onChange(formForParam(e.target.value as SweepParam, values.trials))}>
          {SWEEP_PARAMS.map((p) => <option key={p} value={p}>{PARAM_SPECS[p].scale === 'log' ? t('form.logScale', { name: paramName(t, p) }) : paramName(t, p)}</option>)}
        </select>
      </div>
      {spec.scale === 'categories' ? (
        <fieldset className="col-span-2">
          <legend className={fieldLabel}>{t('form.protocols')}</legend>
          <div className="flex flex-wrap gap-x-3">
            {PROTOCOLS.map((p) => (
              <label key={p} className="flex items-center gap-1 text-base">
                <input
                  type="checkbox"
                  checked={values.protocols.includes(p)}
                  onChange={(e) => set({ protocols: PROTOCOLS.filter((q) => (q === p ? e.target.checked : values.protocols.includes(q))) })}
                />
                {protocolName(p)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <>
          <TextNumber label={withUnit(t('form.from'))} value={values.from} min={spec.min} max={spec.max} onChange={(from) => set({ from })} />
          <TextNumber label={withUnit(t('form.to'))} value={values.to} min={spec.min} max={spec.max} onChange={(to) => set({ to })} />
          <TextNumber label={t('form.steps')} value={values.steps} min={1} max={MAX_STEPS} onChange={(steps) => set({ steps })} />
        </>
      )}
      <TextNumber label={t('form.trials')} value={values.trials} min={1} max={MAX_TRIALS} onChange={(trials) => set({ trials })} />
    </div>
  );
}
