import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rumorFigures } from '../store/panels';
import type { GossipState } from '../store/store';
import { useGossip } from '../store/store';
import { panel, sectionTitle } from './ui-classes';

const selectFigures = (s: GossipState) =>
  rumorFigures(s.runConfig, s.history[s.history.length - 1] ?? null, s.spread[s.shownKey], s.shownKey, s.rumorEndedAt);

const rounds = (t: number | null): string => (t === null ? '—' : `${Math.round(t * 10) / 10} rounds`);

/**
 * Demers et al.'s measures of rumor mongering, live: who still spreads (infective), who has
 * stopped (removed), the residue that never heard it, the traffic per node and the times.
 */
export function RumorPanel(): JSX.Element | null {
  const f = useGossip(useShallow(selectFigures));
  if (!f) return null;
  const state = !f.hasUpdate ? 'No update yet: write one to start a rumor.'
    : f.endedAt !== null ? `Epidemic over at round ${f.endedAt}: no node is infective.`
      : `Spreading: ${f.infective} infective node${f.infective === 1 ? '' : 's'}.`;
  const rows: [string, string, string][] = [
    ['Infective', String(f.infective), 'still spreading the rumor'],
    ['Removed', String(f.removed), 'lost interest'],
    ['Never informed', String(f.uninformed), 'live nodes without the update'],
    ['Residue', `${(f.residue * 100).toFixed(1)} %`, 'never informed ÷ live nodes'],
    ['Traffic', `${f.trafficPerNode.toFixed(2)} per node`, 'update messages sent per node since the write'],
    ['t_ave', rounds(f.tAve), 'mean rounds from the write until a node heard it'],
    ['t_last', rounds(f.tLast), 'rounds until the last node heard it'],
  ];
  return (
    <section aria-labelledby="rumor-title" className={panel}>
      <h2 id="rumor-title" className={sectionTitle}>Rumor mongering</h2>
      <p aria-live="polite" className={`mb-2 text-base ${f.endedAt !== null ? 'font-bold' : ''}`}>{state}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-base tabular-nums">
        {rows.map(([name, value, help]) => (
          <div key={name} className="contents" title={help}>
            <dt className="font-semibold">{name}</dt>
            <dd className={name === 'Residue' && f.endedAt !== null ? 'font-bold' : ''}>{value}</dd>
          </div>
        ))}
      </dl>
      {f.antiEntropy > 0 && <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Anti-entropy backup every {f.antiEntropy} rounds.</p>}
    </section>
  );
}
