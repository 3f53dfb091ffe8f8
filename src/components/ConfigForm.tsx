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
  const session = useSession();
  const form = useGossip(selectForm);
  const applied = useGossip(selectAppliedForm);
  const { config, notes } = useMemo(() => resolveForm(form, applied), [form, applied]);
  const { t } = useTranslation('protocols');
  const protocolId = useId();
  const protocolHelpId = useId();
  const topologyId = useId();
  const primaryBackup = form.protocol === 'primary-backup';
  return (
    <section aria-labelledby="setup-title">
      <h2 id="setup-title" className={sectionTitle}>Settings</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">Changes apply at once: a new cluster starts again from round 0; loss, fanout, delay and k change the run as it goes.</p>
      <div className="grid grid-cols-2 gap-x-3 gap-y-2">
        <NumberField label="Nodes" value={form.nodes} min={PAGE_LIMITS.nodes.min} max={PAGE_LIMITS.nodes.max} note={notes.nodes} onChange={(v) => session.setFormValue('nodes', v)} />
        <NumberField label="Seed" value={form.seed} min={PAGE_LIMITS.seed.min} max={PAGE_LIMITS.seed.max} note={notes.seed} onChange={(v) => session.setFormValue('seed', v)} />
        <div className="flex flex-col gap-0.5">
          <label htmlFor={protocolId} className={fieldLabel}>Protocol</label>
          <select
            id={protocolId} className={field} value={form.protocol} aria-describedby={primaryBackup ? protocolHelpId : undefined}
            onChange={(e) => session.setFormValue('protocol', e.target.value as ProtocolName)}
          >
            {PAGE_PROTOCOLS.map((p) => <option key={p} value={p}>{t(`names.${p}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-0.5">
          <label htmlFor={topologyId} className={fieldLabel}>Topology</label>
          <select id={topologyId} className={field} value={form.topology} onChange={(e) => session.setFormValue('topology', e.target.value as TopologyName)}>
            {TOPOLOGIES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        {/* Right under the select, where the eye is when the protocol changes. */}
        {primaryBackup && (
          <p id={protocolHelpId} className="col-span-2 text-sm text-slate-600 dark:text-slate-300">{t('primaryBackup.help')}</p>
        )}
        <NumberField label="Fanout" value={form.fanout} min={1} max={Math.max(1, config.nodes - 1)} note={notes.fanout} onChange={(v) => session.setFormValue('fanout', v)} />
        {usesDegree(form.topology) ? (
          <NumberField label="Degree" value={form.degree} min={1} max={Math.max(1, config.nodes - 1)} note={notes.degree} onChange={(v) => session.setFormValue('degree', v)} />
        ) : (
          <div />
        )}
        <NumberField label="Packet loss" suffix="%" value={form.loss} min={0} max={100} step={5} note={notes.loss} onChange={(v) => session.setFormValue('loss', v)} />
        <NumberField label="Origin" value={form.origin} min={-1} max={config.nodes - 1} note={notes.origin} onChange={(v) => session.setFormValue('origin', v)} />
      </div>
      <AdvancedSettings />
    </section>
  );
}
