import { useId, useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPOLOGIES, type ProtocolName, type TopologyName } from '../engine/types';
import { useSession } from '../hooks/useSession';
import { PAGE_LIMITS, PAGE_PROTOCOLS, resolveForm, usesDegree } from '../run/form';
import { selectAppliedForm, selectForm } from '../store/selectors';
import { useGossip } from '../store/store';
import { AdvancedSettings } from './AdvancedSettings';
import { NumberField } from './NumberField';
import { field, fieldLabel, sectionTitle } from './ui-classes';

/**
 * The run's settings. They take effect on Reset; packet loss changes the running run too.
 * The essentials sit on top; rumor mongering, delay and churn fold away below them.
 */
export function ConfigForm(): JSX.Element {
  const { t, i18n } = useTranslation(['controls', 'protocols']);
  const session = useSession();
  const form = useGossip(selectForm);
  const applied = useGossip(selectAppliedForm);
  // The language is a dependency: the notes under the fields are written in it.
  const lng = i18n.language;
  const resolved = useMemo(() => (void lng, resolveForm(form, applied)), [form, applied, lng]);
  const { config, notes } = resolved;
  const protocolId = useId();
  const protocolHelpId = useId();
  const topologyId = useId();
  const primaryBackup = form.protocol === 'primary-backup';
  return (
    <section aria-labelledby="setup-title">
      <h2 id="setup-title" className={sectionTitle}>{t('settings.title')}</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t('settings.hint')}</p>
      <div className="grid grid-cols-2 gap-x-3 gap-y-2">
        <NumberField label={t('settings.nodes')} value={form.nodes} min={PAGE_LIMITS.nodes.min} max={PAGE_LIMITS.nodes.max} note={notes.nodes} onChange={(v) => session.setFormValue('nodes', v)} />
        <NumberField label={t('settings.seed')} value={form.seed} min={PAGE_LIMITS.seed.min} max={PAGE_LIMITS.seed.max} note={notes.seed} onChange={(v) => session.setFormValue('seed', v)} />
        <div className="flex flex-col gap-0.5">
          <label htmlFor={protocolId} className={fieldLabel}>{t('settings.protocol')}</label>
          <select
            id={protocolId} className={field} value={form.protocol} aria-describedby={primaryBackup ? protocolHelpId : undefined}
            onChange={(e) => session.setFormValue('protocol', e.target.value as ProtocolName)}
          >
            {PAGE_PROTOCOLS.map((p) => <option key={p} value={p}>{t(`protocols:names.${p}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-0.5">
          <label htmlFor={topologyId} className={fieldLabel}>{t('settings.topology')}</label>
          <select id={topologyId} className={field} value={form.topology} onChange={(e) => session.setFormValue('topology', e.target.value as TopologyName)}>
            {TOPOLOGIES.map((tp) => <option key={tp} value={tp}>{t(`topology.${tp}`)}</option>)}
          </select>
        </div>
        {/* Right under the select, where the eye is when the protocol changes. */}
        {primaryBackup && (
          <p id={protocolHelpId} className="col-span-2 text-sm text-slate-600 dark:text-slate-300">{t('protocols:primaryBackup.help')}</p>
        )}
        <NumberField label={t('settings.fanout')} value={form.fanout} min={1} max={Math.max(1, config.nodes - 1)} note={notes.fanout} onChange={(v) => session.setFormValue('fanout', v)} />
        {usesDegree(form.topology) ? (
          <NumberField label={t('settings.degree')} value={form.degree} min={1} max={Math.max(1, config.nodes - 1)} note={notes.degree} onChange={(v) => session.setFormValue('degree', v)} />
        ) : (
          <div />
        )}
        <NumberField label={t('settings.loss')} suffix="%" value={form.loss} min={0} max={100} step={5} note={notes.loss} onChange={(v) => session.setFormValue('loss', v)} />
        <NumberField label={t('settings.origin')} value={form.origin} min={-1} max={config.nodes - 1} note={notes.origin} onChange={(v) => session.setFormValue('origin', v)} />
      </div>
      <AdvancedSettings form={form} resolved={resolved} />
    </section>
  );
}
