import { useMemo, type JSX } from 'react';
import { okabeIto } from '../../theme/palette';
import { selectComparison, selectHistory, selectResolved, useMembership } from '../../store/membership-store';
import type { MembershipPoint } from '../../run/membership-summary';
import { MembershipLineChart, type ChartSeries } from './MembershipLineChart';
import type { Theme } from '../../view/membership-style';

const box = 'min-w-0 rounded-lg border border-slate-200 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900';

const of = (h: readonly MembershipPoint[], key: keyof MembershipPoint) => h.map((p) => ({ round: p.round, value: p[key] }));

/** Per round: detection events (suspicions, refutations, false positives) and the cost per node. */
/** The charts as the Share and export panel offers them. */
export const MEMBERSHIP_CHARTS = [
  { id: 'm-chart-detection', name: 'detection', label: 'Detection chart', title: 'Failure detection per round' },
  { id: 'm-chart-messages', name: 'messages', label: 'Messages chart', title: 'Messages per node per round' },
  { id: 'm-chart-bytes', name: 'bytes', label: 'Bytes chart', title: 'Bytes per node per round' },
] as const;

/** `stacked`: one chart above another, for the narrow side drawer. */
export function MembershipCharts({ theme, stacked = false }: { theme: Theme; stacked?: boolean }): JSX.Element {
  const history = useMembership(selectHistory);
  const swim = (useMembership(selectResolved)?.protocol ?? 'swim') === 'swim';
  const events = useMemo<ChartSeries[]>(() => [
    ...(swim
      ? [
          { label: 'Suspicions', color: okabeIto.skyBlue, points: of(history, 'suspicions') },
          { label: 'Refutations', color: okabeIto.bluishGreen, dashed: true, points: of(history, 'refutations') },
        ]
      : [{ label: 'Down marks', color: okabeIto.skyBlue, points: of(history, 'declaredDead') }]),
    { label: 'False positives', color: okabeIto.vermillion, points: of(history, 'falsePositives') },
  ], [history, swim]);
  const msgs = useMemo<ChartSeries[]>(() => [{ label: 'Messages / node', color: okabeIto.blue, points: of(history, 'messagesPerNode') }], [history]);
  const bytes = useMemo<ChartSeries[]>(() => [{ label: 'Bytes / node', color: okabeIto.reddishPurple, points: of(history, 'bytesPerNode') }], [history]);
  const last = history[history.length - 1];
  const totals = useMemo(() => history.reduce((a, p) => ({ s: a.s + p.suspicions, r: a.r + p.refutations, f: a.f + p.falsePositives }), { s: 0, r: 0, f: 0 }), [history]);
  return (
    <div className={`grid gap-2 ${stacked ? 'grid-cols-1' : 'grid-cols-3'}`}>
      <section id="m-chart-detection" aria-label="Failure detection per round" className={box}>
        <MembershipLineChart
          series={events}
          yLabel="Per round"
          theme={theme}
          summary={last ? `Over ${history.length} rounds: ${totals.s} suspicions, ${totals.r} refutations, ${totals.f} false positives.` : 'Failure detection per round: no rounds yet.'}
        />
      </section>
      <section id="m-chart-messages" aria-label="Messages per node per round" className={box}>
        <MembershipLineChart
          series={msgs}
          yLabel="Messages"
          theme={theme}
          yFormat={(v) => String(Math.round(v * 10) / 10)}
          summary={last ? `Round ${last.round}: ${last.messagesPerNode.toFixed(2)} messages per live node.` : 'Messages per node: no rounds yet.'}
        />
      </section>
      <section id="m-chart-bytes" aria-label="Bytes per node per round" className={box}>
        <MembershipLineChart
          series={bytes}
          yLabel="Bytes"
          theme={theme}
          summary={last ? `Round ${last.round}: ${Math.round(last.bytesPerNode)} bytes per live node.` : 'Bytes per node: no rounds yet.'}
        />
      </section>
    </div>
  );
}

/** The split-brain comparison: pairs wrongly held dead per round, with and without Serf's reconnect. */
export function ReconnectComparison({ theme }: { theme: Theme }): JSX.Element | null {
  const c = useMembership(selectComparison);
  const series = useMemo<ChartSeries[]>(
    () => (c?.series ?? []).map((s, i) => ({
      label: s.label,
      color: i === 0 ? okabeIto.vermillion : okabeIto.bluishGreen,
      dashed: i > 0,
      points: s.wronglyDead.map((v, r) => ({ round: r + 1, value: v })),
    })),
    [c],
  );
  if (!c) return null;
  const ends = (c.series ?? []).map((s) => `${s.label}: ${s.wronglyDead[s.wronglyDead.length - 1]} pairs still wrongly dead at round ${s.wronglyDead.length}`);
  return (
    <section aria-labelledby="m-compare-title" className={box}>
      <h2 id="m-compare-title" className="px-1 pt-1 text-sm font-bold">Pairs wrongly held dead: Reconnect off vs on</h2>
      {c.series ? (
        <>
          <MembershipLineChart series={series} yLabel="Pairs" theme={theme} height={140} marker={c.marker !== null ? { round: c.marker, label: 'heal' } : null} summary={ends.join('; ')} />
          <p className="px-1 pb-1 text-sm">{ends.join('. ')}.</p>
        </>
      ) : (
        <p className="p-2 text-sm">Running both variants…</p>
      )}
    </section>
  );
}
