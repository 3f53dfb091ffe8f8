import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { rumorFigures } from '../store/panels';
import type { GossipState } from '../store/store';
import { useGossip } from '../store/store';
import { panel, sectionTitle } from './ui-classes';

const selectFigures = (s: GossipState) =>
  rumorFigures(s.runConfig, s.history[s.history.length - 1] ?? null, s.spread[s.shownKey], s.shownKey, s.rumorEndedAt);


/**
 * Demers et al.'s measures of rumor mongering, live: who still spreads (infective), who has
 * stopped (removed), the residue that never heard it, the traffic per node and the times.
 */
export function RumorPanel(): JSX.Element | null {
  const { t } = useTranslation('details');
  const f = useGossip(useShallow(selectFigures));
  if (!f) return null;
  const rounds = (x: number | null): string => (x === null ? '—' : t('rumor.rounds', { value: formatNumber(x, 1) }));
  const state = !f.hasUpdate ? t('rumor.noUpdate')
    : f.endedAt !== null ? t('rumor.over', { round: f.endedAt })
      : t('rumor.spreading', { count: f.infective });
  const rows: [id: string, name: string, value: string, help: string][] = [
    ['infective', t('rumor.infective'), formatNumber(f.infective), t('rumor.infectiveHelp')],
    ['removed', t('rumor.removed'), formatNumber(f.removed), t('rumor.removedHelp')],
    ['uninformed', t('rumor.uninformed'), formatNumber(f.uninformed), t('rumor.uninformedHelp')],
    ['residue', t('rumor.residue'), t('rumor.percent', { value: (f.residue * 100).toFixed(1) }), t('rumor.residueHelp')],
    ['traffic', t('rumor.traffic'), t('rumor.trafficValue', { value: f.trafficPerNode.toFixed(2) }), t('rumor.trafficHelp')],
    ['tAve', t('rumor.tAve'), rounds(f.tAve), t('rumor.tAveHelp')],
    ['tLast', t('rumor.tLast'), rounds(f.tLast), t('rumor.tLastHelp')],
  ];
  return (
    <section aria-labelledby="rumor-title" className={panel}>
      <h2 id="rumor-title" className={sectionTitle}>{t('rumor.title')}</h2>
      <p aria-live="polite" className={`mb-2 text-base ${f.endedAt !== null ? 'font-bold' : ''}`}>{state}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-base tabular-nums">
        {rows.map(([id, name, value, help]) => (
          <div key={id} className="contents" title={help}>
            <dt className="font-semibold">{name}</dt>
            <dd className={id === 'residue' && f.endedAt !== null ? 'font-bold' : ''}>{value}</dd>
          </div>
        ))}
      </dl>
      {f.antiEntropy > 0 && <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t('rumor.backup', { rounds: f.antiEntropy })}</p>}
    </section>
  );
}
