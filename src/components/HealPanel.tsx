import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { healReport } from '../store/panels';
import type { GossipState } from '../store/store';
import { useGossip } from '../store/store';
import { panel, sectionTitle } from './ui-classes';

const selectReport = (s: GossipState) => healReport(s.heal, s.runConfig, s.rumorEnded, s.graph?.nodes ?? s.runConfig.nodes);

const TONE = {
  done: 'border-sky-300 dark:border-sky-800',
  waiting: 'border-amber-400 dark:border-amber-700',
  never: 'border-red-400 ring-2 ring-red-300 dark:border-red-700 dark:ring-red-900',
} as const;

/** What became of the nodes that missed the update while the network was cut. */
export function HealPanel(): JSX.Element | null {
  const { t } = useTranslation('details');
  const report = useGossip(useShallow(selectReport));
  if (!report) return null;
  return (
    <section aria-labelledby="heal-title" className={`${panel} ${TONE[report.tone]}`}>
      <h2 id="heal-title" className={sectionTitle}>{t('heal.title')}</h2>
      <p aria-live="polite" className={`text-base ${report.tone === 'never' ? 'font-bold' : ''}`}>{report.text}</p>
    </section>
  );
}
