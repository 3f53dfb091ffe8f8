import type { JSX } from 'react';
import { downloadBlob, downloadText } from '../../export/download';
import { legendOf, serializeChart, svgToPng, type SvgExportOptions } from '../../export/svg-export';

/** A chart on the page: its section's id, the name in the buttons, the title on the slide. */
export interface ExportedChart {
  id: string;
  name: string;
  label: string;
  title: string;
}

/** The charts as ChartsPanel shows them. */
export const EXPORTED_CHARTS: readonly ExportedChart[] = [
  { id: 'chart-informed', name: 'informed', label: 'Informed chart', title: 'Informed nodes per round' },
  { id: 'chart-messages', name: 'messages', label: 'Messages chart', title: 'Messages per round' },
] as const;

/** The chart's SVG, ready to stand alone: its look inlined, the page's background, font and legend. */
function chartSvg(id: string, title: string): ReturnType<typeof serializeChart> {
  const section = document.getElementById(id);
  const svg = section?.querySelector<SVGSVGElement>('svg[role="img"]');
  if (!section || !svg) throw new Error('the chart is not on the page');
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

/** SVG and PNG of each chart, for a slide: "Export informed chart SVG" and so on. */
export function ChartExportButtons({ className, charts, fileBase, onError }: {
  className: string;
  charts: readonly ExportedChart[];
  /** The start of the file names (what run they hold), asked when a chart is exported. */
  fileBase(): string;
  onError(text: string): void;
}): JSX.Element {
  const fileOf = (name: string, ext: string): string => `${fileBase()}-${name}.${ext}`;
  const exportAs = async (chart: ExportedChart, kind: 'svg' | 'png'): Promise<void> => {
    try {
      const { text, width, height } = chartSvg(chart.id, chart.title);
      if (kind === 'svg') downloadText(text, fileOf(chart.name, 'svg'), 'image/svg+xml');
      else downloadBlob(await svgToPng(text, width, height, 2), fileOf(chart.name, 'png'));
    } catch (e) {
      onError(`The ${chart.name} chart could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <>
      {charts.map((chart) => (
        <div key={chart.id} className="col-span-2 flex items-center gap-2">
          <span className="flex-1 text-sm font-semibold">{chart.label}</span>
          {(['svg', 'png'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={className}
              aria-label={`Export ${chart.name} chart ${kind.toUpperCase()}`}
              title={`The ${chart.name} chart as ${kind === 'svg' ? 'an SVG (scales without blur)' : 'a PNG at twice the size'}`}
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
