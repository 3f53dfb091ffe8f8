import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, i18next } from '../../i18n';
import type { ExportedChart } from '../share/ChartExportButtons';
import { okabeIto } from '../../theme/palette';
import { selectComparison, selectHistory, selectResolved, useMembership, type MembershipState } from '../../store/membership-store';
import type { MembershipPoint } from '../../run/membership-summary';
import { chartBox } from '../charts/chart-theme';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import type { Theme } from '../../view/membership-style';

const of = (h: readonly MembershipPoint[], key: keyof MembershipPoint) => h.map((p) => ({ x: p.round, y: p[key] }));
/** The round shown while looking back at an earlier one (the charts mark it), else null. */
const selectCursor = (s: MembershipState) => (s.round < s.lastRound ? s.round : null);

/** The charts' sections and machine names. */
const MEMBERSHIP_CHARTS = [
  { id: 'm-chart-detection', name: 'detection' },
  { id: 'm-chart-messages', name: 'messages' },
  { id: 'm-chart-bytes', name: 'bytes' },
] as const;

/** The charts as the Share and export panel offers them, named in the page's language (call it on render). */
export function exportedMembershipCharts(): readonly ExportedChart[] {
  const t = i18next.t;
  return MEMBERSHIP_CHARTS.map((c) => ({
    ...c, label: t(`share:membershipCharts.${c.name}`), title: t(`share:membershipCharts.${c.name}Title`), noun: t(`share:membershipCharts.${c.name}Name`),
  }));
}

/** Per round: detection events (suspicions, refutations, false positives) and the cost per node; one chart above another, for the narrow side drawer. */
export function MembershipCharts({ theme }: { theme: Theme }): JSX.Element {
  const { t } = useTranslation('charts');
  const history = useMembership(selectHistory);
  const cursor = useMembership(selectCursor);
  const swim = (useMembership(selectResolved)?.protocol ?? 'swim') === 'swim';
  const events = useMemo<ChartSeries[]>(() => [
    ...(swim
      ? [
          { label: t('membership.suspicions'), color: okabeIto.skyBlue, points: of(history, 'suspicions') },
          { label: t('membership.refutations'), color: okabeIto.bluishGreen, dash: '6 4', points: of(history, 'refutations') },
        ]
      : [{ label: t('membership.downMarks'), color: okabeIto.skyBlue, points: of(history, 'declaredDead') }]),
    { label: t('membership.falsePositives'), color: okabeIto.vermillion, points: of(history, 'falsePositives') },
  ], [history, swim, t]);
  const msgs = useMemo<ChartSeries[]>(() => [{ label: t('membership.messagesPerNode'), color: okabeIto.blue, points: of(history, 'messagesPerNode') }], [history, t]);
  const bytes = useMemo<ChartSeries[]>(() => [{ label: t('membership.bytesPerNode'), color: okabeIto.reddishPurple, points: of(history, 'bytesPerNode') }], [history, t]);
  const last = history[history.length - 1];
  const totals = useMemo(() => history.reduce((a, p) => ({ s: a.s + p.suspicions, r: a.r + p.refutations, f: a.f + p.falsePositives }), { s: 0, r: 0, f: 0 }), [history]);
  const common = { xLabel: t('round'), theme, height: 150, rules: cursor === null ? [] : [{ x: cursor, label: String(cursor) }] };
  const charts = [
    { ...MEMBERSHIP_CHARTS[0], series: events, yLabel: t('membership.perRound'), summary: last ? t('membership.detectionSummary', { rounds: history.length, suspicions: formatNumber(totals.s), refutations: formatNumber(totals.r), falsePositives: formatNumber(totals.f) }) : t('membership.detectionEmpty') },
    { ...MEMBERSHIP_CHARTS[1], series: msgs, yLabel: t('membership.messagesAxis'), summary: last ? t('membership.messagesSummary', { round: last.round, value: formatNumber(last.messagesPerNode, 2) }) : t('membership.messagesEmpty') },
    { ...MEMBERSHIP_CHARTS[2], series: bytes, yLabel: t('membership.bytesAxis'), summary: last ? t('membership.bytesSummary', { round: last.round, value: formatNumber(last.bytesPerNode) }) : t('membership.bytesEmpty') },
  ];
  return (
    <div className="grid grid-cols-1 gap-2">
      {charts.map((c) => (
        <section key={c.id} id={c.id} aria-label={t(`membership.${c.name}Title`)} className={chartBox}>
          <LineChart series={c.series} yLabel={c.yLabel} summary={c.summary} {...common} />
        </section>
      ))}
    </div>
  );
}

/** The split-brain comparison: pairs wrongly held dead per round, with and without Serf's reconnect. */
export function ReconnectComparison({ theme }: { theme: Theme }): JSX.Element | null {
  const { t } = useTranslation('charts');
  const c = useMembership(selectComparison);
  const series = useMemo<ChartSeries[]>(
    () => (c?.series ?? []).map((s, i) => ({
      label: s.label,
      color: i === 0 ? okabeIto.vermillion : okabeIto.bluishGreen,
      dash: i > 0 ? '6 4' : undefined,
      points: s.wronglyDead.map((v, r) => ({ x: r + 1, y: v })),
    })),
    [c],
  );
  if (!c) return null;
  const ends = (c.series ?? []).map((s) => t('reconnect.end', { label: s.label, pairs: formatNumber(s.wronglyDead[s.wronglyDead.length - 1]), round: s.wronglyDead.length }));
  return (
    <section aria-labelledby="m-compare-title" className={chartBox}>
      <h2 id="m-compare-title" className="px-1 pt-1 text-sm font-bold">{t('reconnect.title')}</h2>
      {c.series ? (
        <>
          <LineChart series={series} xLabel={t('round')} yLabel={t('reconnect.axis')} theme={theme} height={140} rules={c.marker !== null ? [{ x: c.marker, label: t('reconnect.heal') }] : []} summary={ends.join('; ')} />
          <p className="px-1 pb-1 text-sm">{ends.join('. ')}.</p>
        </>
      ) : (
        <p className="p-2 text-sm">{t('reconnect.running')}</p>
      )}
    </section>
  );
}
