import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import { downloadBlob, downloadText } from '../../export/download';
import { legendOf, serializeChart, svgToPng, type SvgExportOptions } from '../../export/svg-export';

/**
 * A chart on the page: its section's id, its machine name (in file names), the label beside its
 * buttons, the title on the slide, and `noun`, the chart named in the buttons' accessible names
 * ("Export informed chart SVG"; the name when absent). Label, title and noun are in the page's language.
 */
export interface ExportedChart {
  id: string;
  name: string;
  label: string;
  title: string;
  noun?: string;
}

/** The charts as ChartsPanel shows them, named in the page's language (call it on render). */
export function exportedCharts(): readonly ExportedChart[] {
  const t = i18next.t;
  return [
    { id: 'chart-informed', name: 'informed', label: t('share:charts.informed'), title: t('share:charts.informedTitle'), noun: t('share:charts.informedName') },
    { id: 'chart-messages', name: 'messages', label: t('share:charts.messages'), title: t('share:charts.messagesTitle'), noun: t('share:charts.messagesName') },
  ];
}

/** The chart's SVG, ready to stand alone: its look inlined, the page's background, font and legend. */
function chartSvg(id: string, title: string): ReturnType<typeof serializeChart> {
  const section = document.getElementById(id);
  const svg = section?.querySelector<SVGSVGElement>('svg[role="img"]');
  if (!section || !svg) throw new Error(i18next.t('share:chartMissing'));
  const box = getComputedStyle(section);
  const options: SvgExportOptions = {
    title,
    legend: legendOf(section.querySelector('ul')),
    background: box.backgroundColor && !/rgba\(.*,\s*0\)|transparent/.test(box.backgroundColor) ? box.backgroundColor : '#ffffff',
    ink: box.color || '#111827',
    fontFamily: getComputedStyle(svg).fontFamily || 'system-ui, sans-serif',
  };
  return serializeChart(svg, options);
}

const FORMATS = ['svg', 'png'] as const;

/** SVG and PNG of each chart, for a slide: "Export informed chart SVG" and so on. */
export function ChartExportButtons({ className, charts, fileBase, onError }: {
  className: string;
  charts: readonly ExportedChart[];
  /** The start of the file names (what run they hold), asked when a chart is exported. */
  fileBase(): string;
  onError(text: string): void;
}): JSX.Element {
  const { t } = useTranslation('share');
  const fileOf = (name: string, ext: string): string => `${fileBase()}-${name}.${ext}`;
  const exportAs = async (chart: ExportedChart, kind: 'svg' | 'png'): Promise<void> => {
    try {
      const { text, width, height } = chartSvg(chart.id, chart.title);
      if (kind === 'svg') downloadText(text, fileOf(chart.name, 'svg'), 'image/svg+xml');
      else downloadBlob(await svgToPng(text, width, height, 2), fileOf(chart.name, 'png'));
    } catch (e) {
      onError(t('chartFailed', { chart: chart.noun ?? chart.name, reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      {charts.map((chart) => (
        <div key={chart.id} className="col-span-2 flex items-center gap-2">
          <span className="flex-1 text-sm font-semibold">{chart.label}</span>
          {FORMATS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={className}
              aria-label={t('chartExport', { chart: chart.noun ?? chart.name, kind: kind.toUpperCase() })}
              title={t(kind === 'svg' ? 'chartSvgTitle' : 'chartPngTitle', { chart: chart.noun ?? chart.name })}
              onClick={() => void exportAs(chart, kind)}
            >
              {kind.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
    </>
  );
}
