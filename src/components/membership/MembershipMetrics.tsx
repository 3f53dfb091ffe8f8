import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { detectionOf } from '../../run/membership-summary';
import { useMembership, type MembershipState } from '../../store/membership-store';
import { panel, sectionTitle } from '../ui-classes';

const selectMetrics = (s: MembershipState) => ({
  summary: s.summary,
  last: s.last,
  protocol: s.applied?.protocol ?? 'swim',
  stateBytes: s.stateBytes,
  round: s.round,
});

const fmt = (v: number, digits = 0): string => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rounds = (v: number | null): string => (v === null ? '–' : String(v));
const bytes = (b: number): string => (b >= 1e6 ? `${fmt(b / 1e6, 1)} MB` : `${fmt(b / 1e3, 1)} kB`);

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
  const crashes = summary?.crashes ?? [];
  const live = Math.max(1, last?.live ?? 1);
  return (
    <section aria-labelledby="m-metrics-title" className={panel}>
      <h2 id="m-metrics-title" className={sectionTitle}>Metrics · round {round}</h2>
      {crashes.length > 0 && (
        <table className="mb-2 w-full text-sm tabular-nums">
          <caption className="text-left text-xs text-slate-600 dark:text-slate-300">Rounds after each crash (– = not yet)</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">Crash</th>
              <th scope="col" title={protocol === 'swim' ? 'First suspicion' : 'First down mark'}>Detected</th>
              <th scope="col">Dead</th>
              <th scope="col">All know</th>
            </tr>
          </thead>
          <tbody>
            {crashes.slice(-4).map((c) => {
              const d = detectionOf(c, protocol);
              return (
                <tr key={`${c.node}-${c.crashedAt}`}>
                  <td>node {c.node} @ {c.crashedAt}</td>
                  <td>{rounds(d.detected)}</td>
                  <td>{rounds(d.declaredDead)}</td>
                  <td>{d.recoveredFirst ? 'recovered' : rounds(d.allKnow)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <dl className="text-sm">
        <Row term="False positives (live nodes declared dead)" value={fmt(summary?.falsePositives ?? 0)} />
        {protocol === 'swim' && <Row term="Suspicions raised · refuted" value={`${fmt(summary?.suspicions ?? 0)} · ${fmt(summary?.refutations ?? 0)}`} />}
        <Row term="Dead declarations (first-hand)" value={fmt(summary?.declaredDead ?? 0)} />
        <Row term="Messages / node / round (last)" value={`${fmt(summary?.messagesPerNodeRound ?? 0, 2)} (${fmt((last?.sent ?? 0) / live, 2)})`} />
        <Row term="Bytes / node / round (last)" value={`${fmt(summary?.bytesPerNodeRound ?? 0)} (${fmt((last?.bytes ?? 0) / live)})`} />
        <Row term="Pairs wrongly dead · alive" value={`${fmt(last?.wronglyDead ?? 0)} · ${fmt(last?.wronglyAlive ?? 0)}`} />
        <Row term="Membership state (n × n)" value={bytes(stateBytes)} />
      </dl>
    </section>
  );
}
