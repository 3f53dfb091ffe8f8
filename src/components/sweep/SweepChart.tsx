import { memo, useCallback, useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import type { SweepParam } from '../../lab/sweep-params';
import type { SweepPoint } from '../../lab/sweep-plan';
import type { PointSummary } from '../../lab/sweep-stats';
import { palette } from '../../theme/palette';
import type { ChartPoint } from '../charts/chart-data';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { sweepX, sweepXValue } from './sweep-scales';
import { paramName, paramUnit, pointLabel } from './sweep-words';

export type SweepMetric = 'rounds' | 'messages';

interface SweepChartProps {
  param: SweepParam;
  planned: readonly SweepPoint[];
  points: readonly (PointSummary | null)[];
  metric: SweepMetric;
  theme: 'light' | 'dark';
}

/** Per point: the median (line and dots), the 5–95 % band of the trials, and theory (dashed) where there is one. */
export const SweepChart = memo(function SweepChart({ param, planned, points, metric, theme }: SweepChartProps): JSX.Element {
  const { t } = useTranslation('charts');
  const { t: ts, i18n } = useTranslation('sweep');
  const lang = i18n.resolvedLanguage;
  // Protocol names on the axis follow the language: a new callback (and axis) when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const labelOf = useCallback((label: string) => pointLabel(param, label), [param, lang]);
  const xAxis = useCallback((w: number) => sweepX(param, planned, w, labelOf), [param, planned, labelOf]);
  // The literature's counts assume no loss; under loss the mean-field count (which has it) is drawn too.
  const lossy = metric === 'rounds' && planned.some((p) => p.config.loss > 0);
  const series = useMemo(() => {
    const median: ChartPoint[] = [], theory: ChartPoint[] = [], meanField: ChartPoint[] = [];
    points.forEach((p, i) => {
      const b = p?.[metric];
      if (!p || !b) return;
      const x = sweepXValue(param, planned[i], i);
      median.push({ x, y: b.p50 });
      const th = metric === 'rounds' ? p.theory.rounds : p.theory.messages;
      if (th !== null) theory.push({ x, y: th });
      if (lossy && p.theory.meanFieldRounds !== null) meanField.push({ x, y: p.theory.meanFieldRounds });
    });
    const out: ChartSeries[] = [
      { label: t('sweep.band'), color: palette.chart.informed, fill: 0.2, points: points.flatMap((p, i) => (p?.[metric] ? [{ x: sweepXValue(param, planned[i], i), y0: p[metric]!.p5, y: p[metric]!.p95 }] : [])) },
      { label: t('sweep.median'), color: palette.chart.informed, dots: 'all', points: median },
    ];
    if (theory.length > 0) out.push({ label: t(metric === 'rounds' ? 'sweep.theoryRounds' : 'sweep.theoryMessages'), color: palette.chart.theory, dash: '6 4', width: 2, dots: 'all', points: theory });
    if (meanField.length > 0) out.push({ label: t('sweep.meanField'), color: palette.chart.dropped, dash: '2 3', width: 2, dots: 'all', points: meanField });
    return { out, median };
  }, [points, metric, param, planned, lossy, t]);
  const name = paramName(ts, param);
  const unit = paramUnit(ts, param);
  const title = t(metric === 'rounds' ? 'sweep.rounds' : 'sweep.messages');
  const summary = series.median.length === 0
    ? t('sweep.empty', { title, param: name })
    : t('sweep.summary', { title, param: name, medians: points.flatMap((p) => (p?.[metric] ? [`${labelOf(p.label)} → ${formatNumber(p[metric]!.p50, 2)}`] : [])).join(', ') });
  return (
    <LineChart
      title={title}
      series={series.out}
      summary={summary}
      xAxis={xAxis}
      xLabel={unit.startsWith('%') ? ts('form.withUnit', { label: name, unit: '%' }) : name}
      yLabel={title}
      height={210}
      theme={theme}
    />
  );
});
