/**
 * A chart as a file for a slide: its <svg> serialized with every style it inherits written on
 * its elements (so it renders the same in any viewer, without the page's CSS), a background,
 * a title and the legend drawn in; and the same picture as a PNG at twice the size.
 */

export interface LegendEntry {
  label: string;
  color: string;
  shape: 'line' | 'dashed' | 'box';
  /** The line's own dash pattern (kept runs each have one); '5 3' when dashed without one. */
  dash?: string;
}

export interface SvgExportOptions {
  title: string;
  legend: LegendEntry[];
  /** CSS colours of the background and of the title and legend text. */
  background: string;
  ink: string;
  fontFamily: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** What the chart's look depends on; copied from the computed style of every element. */
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'opacity', 'font-size', 'font-weight', 'text-anchor'] as const;
const HEADER = 28;
/** Height of one more line of legend. */
const LINE = 20;
const FONT_SIZE = 13;

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The title and legend band above the plot, as SVG markup, and its height: the title on the
 * first line, the legend entries after it, wrapping onto more lines in a narrow chart. Label
 * widths are estimated (0.6 em per character): no DOM is needed, and a little slack is harmless.
 */
export function headerMarkup(o: SvgExportOptions, width: number): { markup: string; height: number } {
  const parts = [`<text x="8" y="19" font-size="${FONT_SIZE + 1}" font-weight="700" fill="${xmlEscape(o.ink)}">${xmlEscape(o.title)}</text>`];
  const entryWidth = (e: LegendEntry): number => 34 + e.label.length * FONT_SIZE * 0.6;
  const right = width - 8;
  // The legend shares the title's line when it fits there, else starts on the next.
  let x = 8 + o.title.length * (FONT_SIZE + 1) * 0.62 + 24;
  let y = 0;
  if (x + o.legend.reduce((w, e) => w + entryWidth(e), 0) > right) {
    x = 8;
    y = LINE;
  }
  for (const e of o.legend) {
    if (x > 8 && x + entryWidth(e) > right) {
      x = 8;
      y += LINE;
    }
    const swatch = e.shape === 'box'
      ? `<rect x="${x}" y="${y + 8}" width="16" height="10" rx="2" fill="${xmlEscape(e.color)}"/>`
      : `<line x1="${x}" y1="${y + 13}" x2="${x + 18}" y2="${y + 13}" stroke="${xmlEscape(e.color)}" stroke-width="3"${e.shape === 'dashed' ? ` stroke-dasharray="${xmlEscape(e.dash ?? '5 3')}"` : ''}/>`;
    parts.push(swatch, `<text x="${x + 22}" y="${y + 18}" font-size="${FONT_SIZE}" fill="${xmlEscape(o.ink)}">${xmlEscape(e.label)}</text>`);
    x += entryWidth(e);
  }
  return { markup: parts.join(''), height: y + HEADER };
}

/**
 * Copies the computed look of `from` and its descendants onto the matching clone elements, as
 * SVG presentation attributes (fill="…", stroke="…"). Not as a style attribute: a
 * Content-Security-Policy without 'unsafe-inline' refuses style attributes, in the page and in
 * whatever document the file is parsed into; presentation attributes are plain attributes.
 */
function inlineStyles(from: Element, to: Element): void {
  const cs = getComputedStyle(from);
  for (const p of STYLE_PROPS) {
    const value = cs.getPropertyValue(p);
    if (value) to.setAttribute(p, value);
  }
  to.removeAttribute('class');
  for (let i = 0; i < from.children.length; i++) inlineStyles(from.children[i], to.children[i]);
}

/** A standalone SVG document of a chart, header band included. */
export function serializeChart(svg: SVGSVGElement, o: SvgExportOptions): { text: string; width: number; height: number } {
  const width = Math.round(svg.width.baseVal.value || svg.getBoundingClientRect().width);
  const plotHeight = Math.round(svg.height.baseVal.value || svg.getBoundingClientRect().height);
  const header = headerMarkup(o, width);
  const height = plotHeight + header.height;
  const plot = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, plot);
  plot.removeAttribute('role');
  plot.removeAttribute('aria-label');
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(header.height));
  plot.setAttribute('overflow', 'visible');
  const label = svg.getAttribute('aria-label') ?? o.title;
  const body = new XMLSerializer().serializeToString(plot);
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(o.fontFamily)}">`,
    `<title>${xmlEscape(label)}</title>`,
    `<rect width="100%" height="100%" fill="${xmlEscape(o.background)}"/>`,
    header.markup,
    body,
    '</svg>',
  ].join('\n');
  return { text, width, height };
}

/** Draws an SVG document onto a canvas at `scale` (2 = sharp on a projector) and encodes it as PNG. */
export function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas to draw the chart on'));
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.drawImage(img, 0, 0, width, height);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the chart could not be encoded as PNG'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart\'s SVG could not be drawn'));
    };
    img.src = url;
  });
}

/** The legend an HTML chart legend shows (its swatches' colours and shapes, its labels). */
export function legendOf(list: Element | null): LegendEntry[] {
  if (!list) return [];
  return Array.from(list.querySelectorAll('li')).map((li) => {
    const rect = li.querySelector('rect'), line = li.querySelector('line');
    const color = rect?.getAttribute('fill') ?? line?.getAttribute('stroke') ?? '#000';
    const dash = line?.getAttribute('stroke-dasharray') ?? undefined;
    const shape = rect ? 'box' : dash ? 'dashed' : 'line';
    return { label: (li.textContent ?? '').trim(), color, shape, ...(dash && !rect ? { dash } : {}) };
  });
}
