import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { detectionOf } from '../../run/membership-summary';
import { useMembership, type MembershipState } from '../../store/membership-store';
import { panel, sectionTitle } from '../ui-classes';
import { useTranslation } from 'react-i18next';
import { formatNumber, i18next } from '../../i18n';

const selectMetrics = (s: MembershipState) => ({
  summary: s.summary,
  last: s.last,
  protocol: s.applied?.protocol ?? 'swim',
  stateBytes: s.stateBytes,
  round: s.round,
});

const fmt = (v: number, digits = 0): string => formatNumber(v, digits);
const rounds = (v: number | null): string => (v === null ? '–' : String(v));
const bytes = (b: number): string => (b >= 1e6 ? i18next.t('membership:metrics.mb', { value: fmt(b / 1e6, 1) }) : i18next.t('membership:metrics.kb', { value: fmt(b / 1e3, 1) }));

function Row({ term, value }: { term: string; value: string }): JSX.Element {
  return (
    <div className="flex justify-between gap-2 border-b border-slate-100 py-0.5 last:border-0 dark:border-slate-800">
      <dt>{term}</dt>
      <dd className="text-right font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** The run's numbers: how fast crashes were noticed, how often live nodes were wrongly declared dead, what it cost. */
export function MembershipMetrics(): JSX.Element {
  const { summary, last, protocol, stateBytes, round } = useMembership(useShallow(selectMetrics));
  const { t } = useTranslation('membership');
  const crashes = summary?.crashes ?? [];
  const live = Math.max(1, last?.live ?? 1);
  return (
    <section aria-labelledby="m-metrics-title" className={panel}>
      <h2 id="m-metrics-title" className={sectionTitle}>{t('metrics.title', { round })}</h2>
      {crashes.length > 0 && (
        <table className="mb-2 w-full text-sm tabular-nums">
          <caption className="text-left text-xs text-slate-600 dark:text-slate-300">{t('metrics.caption')}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">{t('metrics.crash')}</th>
              <th scope="col" title={protocol === 'swim' ? t('metrics.firstSuspicion') : t('metrics.firstDown')}>{t('metrics.detected')}</th>
              <th scope="col">{t('metrics.dead')}</th>
              <th scope="col">{t('metrics.allKnow')}</th>
            </tr>
          </thead>
          <tbody>
            {crashes.slice(-4).map((c) => {
              const d = detectionOf(c, protocol);
              return (
                <tr key={`${c.node}-${c.crashedAt}`}>
                  <td>{t('metrics.crashAt', { node: c.node, round: c.crashedAt })}</td>
                  <td>{rounds(d.detected)}</td>
                  <td>{rounds(d.declaredDead)}</td>
                  <td>{d.recoveredFirst ? t('metrics.recovered') : rounds(d.allKnow)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <dl className="text-sm">
        <Row term={t('metrics.falsePositives')} value={fmt(summary?.falsePositives ?? 0)} />
        {protocol === 'swim' && <Row term={t('metrics.suspicions')} value={`${fmt(summary?.suspicions ?? 0)} · ${fmt(summary?.refutations ?? 0)}`} />}
        <Row term={t('metrics.declarations')} value={fmt(summary?.declaredDead ?? 0)} />
        <Row term={t('metrics.messages')} value={`${fmt(summary?.messagesPerNodeRound ?? 0, 2)} (${fmt((last?.sent ?? 0) / live, 2)})`} />
        <Row term={t('metrics.bytes')} value={`${fmt(summary?.bytesPerNodeRound ?? 0)} (${fmt((last?.bytes ?? 0) / live)})`} />
        <Row term={t('metrics.wrongPairs')} value={`${fmt(last?.wronglyDead ?? 0)} · ${fmt(last?.wronglyAlive ?? 0)}`} />
        <Row term={t('metrics.state')} value={bytes(stateBytes)} />
      </dl>
    </section>
  );
}
