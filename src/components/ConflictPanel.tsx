import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { conflictOf } from '../store/panels';
import type { GossipState } from '../store/store';
import { useGossip } from '../store/store';
import { panel, sectionTitle } from './ui-classes';

const selectInputs = (s: GossipState) => ({
  writes: s.writes, key: s.shownKey, nodes: s.graph?.nodes ?? s.runConfig.nodes, latest: s.latest[s.shownKey] ?? 0, partitioned: s.partition !== null,
});

/**
 * When a key has been written more than once: every write, where it stands, and which one
 * last-writer-wins keeps — with the reason (the higher counter, else the higher writer id).
 */
export function ConflictPanel(): JSX.Element | null {
  const { t, i18n } = useTranslation('details');
  const { writes, key, nodes, latest, partitioned } = useGossip(useShallow(selectInputs));
  const lng = i18n.language; // the labels and the reason are written in it
  const conflict = useMemo(() => (void lng, conflictOf(writes, key, nodes, latest)), [writes, key, nodes, latest, lng]);
  if (!conflict) return null;
  return (
    <section aria-labelledby="writes-title" className={panel}>
      <h2 id="writes-title" className={sectionTitle}>{t('conflict.title')}</h2>
      <ul className="flex flex-col gap-1.5 text-base">
        {conflict.rows.map((r) => (
          <li key={`${r.version}-${r.round}`} className={r.winning ? 'font-semibold' : 'text-slate-700 dark:text-slate-300'}>
            <span className="whitespace-nowrap">{r.label}</span>
            {r.winning && <span className="ml-2 rounded bg-gossip-latest px-1.5 py-0.5 text-sm font-bold text-white">{t('conflict.wins')}</span>}
            <span className="block text-sm tabular-nums">
              {t('conflict.written', { round: r.round, holders: r.holders })}
              {r.reached > r.holders ? t('conflict.reached', { reached: r.reached }) : ''}
              {partitioned && r.reachedByGroup.length > 1
                ? t('conflict.perGroup', { groups: r.reachedByGroup.map((n, g) => (g === 0 && n === 0 ? null : `${g}: ${n}`)).filter(Boolean).join(', ') })
                : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-base">{conflict.why}</p>
    </section>
  );
}
