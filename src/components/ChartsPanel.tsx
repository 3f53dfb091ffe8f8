import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../i18n';
import { useChartData } from '../hooks/useChartData';
import { selectTheme } from '../store/selectors';
import { useGossip } from '../store/store';
import { palette } from '../theme/palette';
import { stackMessages } from './charts/chart-data';
import { chartBox } from './charts/chart-theme';
import { LineChart, type ChartSeries } from './charts/LineChart';
import { CompareTable, KeepRunBar } from './compare/ComparePanel';
import { useCompareRuns } from './compare/useCompareRuns';

const share = (f: number): string => formatPercent(Math.min(1, Math.max(0, f)));

/** The run over time: how much of the cluster is informed, and what the messages did; one chart above the other, for the narrow side drawer. */
export function ChartsPanel(): JSX.Element {
  const { t } = useTranslation('charts');
  const theme = useGossip(selectTheme);
  const { points, messages, theory, reference, note, detail, theoryLabel, cursor } = useChartData();
  const last = points[points.length - 1];
  const lastTheory = theory && last ? theory.find((p) => p.round === last.round) : undefined;
  const rules = cursor === null ? [] : [{ x: cursor, label: String(cursor) }];
  const compare = useCompareRuns(theme);
  const { runs: kept, current } = compare;
  // While runs are kept the colours name runs; the theory curve steps aside (and says so).
  const comparing = kept.length > 0;
  const shownTheory = comparing ? null : theory;
  const keptEnds = kept.flatMap(({ run }) => (run.curve?.length ? [run.curve[run.curve.length - 1].round] : []));

  const informed = useMemo<ChartSeries[]>(() => [
    ...(shownTheory ? [{ label: reference ? t('informed.reference') : theoryLabel ?? t('informed.theory'), color: palette.chart.theory, dash: '7 5', points: shownTheory.map((p) => ({ x: p.round, y: p.fraction })) }] : []),
    // The current run under the kept ones: a kept run identical to it still shows, dashed on top.
    { label: kept.length > 0 ? t('compare.thisRunIs', { label: current.label }) : t('informed.simulated'), color: palette.chart.informed, width: 3, dots: 'last', points: points.map((p) => ({ x: p.round, y: p.fraction })) },
    ...kept.map(({ run, label, color, dash }) => ({ id: run.id, label, color, dash, points: (run.curve ?? []).map((p) => ({ x: p.round, y: p.fraction })) })),
  ], [points, shownTheory, reference, theoryLabel, kept, current.label, t]);
  // Extend x to the theory curve only a little: it can run long after the simulation is done.
  const informedMax = Math.max(last?.round ?? 0, ...keptEnds, Math.min(shownTheory?.[shownTheory.length - 1]?.round ?? 0, (last?.round ?? 0) + 5));
  const why = comparing ? t('compare.theoryHidden') : detail ?? note;
  const keptSummary = kept.flatMap(({ run, label }) => {
    const end = run.curve?.[run.curve.length - 1];
    return end ? [t('compare.keptEnd', { label, share: share(end.fraction), round: end.round })] : [];
  });
  const informedSummary = last
    ? t('informed.summary', { share: share(last.fraction), round: last.round })
      + (lastTheory && !comparing ? t(reference ? 'informed.summaryReference' : 'informed.summaryTheory', { share: share(lastTheory.fraction) }) : '')
      + (keptSummary.length > 0 ? t('compare.summary', { runs: keptSummary.join('; ') }) : '')
      + (why ? `. ${why}` : '.')
    : t('informed.empty');

  const sent = useMemo<ChartSeries[]>(() => {
    const [useful, redundant, dropped] = stackMessages(messages);
    return [
      { label: t('messages.delivered'), color: palette.chart.delivered, fill: 1, points: useful },
      { label: t('messages.redundant'), color: palette.chart.redundant, fill: 1, points: redundant },
      { label: t('messages.dropped'), color: palette.chart.dropped, fill: 1, points: dropped },
      // Kept runs: all they sent per round, a line over the current run's stacked parts.
      ...kept.map(({ run, label, color, dash }) => ({ id: run.id, label: t('compare.keptSent', { label }), color, dash, points: (run.curve ?? []).map((p) => ({ x: p.round, y: p.sent })) })),
    ];
  }, [messages, kept, t]);
  const lastSent = messages[messages.length - 1];
  const sentSummary = lastSent
    ? t('messages.summary', { round: lastSent.round, delivered: formatNumber(lastSent.delivered), redundant: formatNumber(lastSent.redundant), dropped: formatNumber(lastSent.dropped) })
    : t('messages.empty');

  return (
    <div className="grid grid-cols-1 gap-3">
      <KeepRunBar count={kept.length} />
      <section id="chart-informed" aria-label={t('informed.title')} className={chartBox}>
        <LineChart series={informed} summary={informedSummary} note={comparing ? t('compare.theoryHidden') : note} xLabel={t('round')} yLabel={t('informed.axis')} yMax={1} yFormat={share} xMax={informedMax} rules={rules} theme={theme} />
      </section>
      <CompareTable runs={kept} current={current} />
      <section id="chart-messages" aria-label={t('messages.title')} className={chartBox}>
        <LineChart series={sent} summary={sentSummary} xLabel={t('round')} yLabel={t('messages.axis')} integerY step rules={rules} theme={theme} />
      </section>
    </div>
  );
}
