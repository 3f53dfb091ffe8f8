import type { JSX } from 'react';
import { CHART_INK, FONT } from './chart-theme';

export interface LegendItem {
  label: string;
  color: string;
  /** 'line', 'dashed' line, or a filled 'box'. */
  shape: 'line' | 'dashed' | 'box';
}

/** A one-row legend above the plot (HTML, so it wraps on narrow panels). */
export function Legend({ items, theme }: { items: LegendItem[]; theme: 'light' | 'dark' }): JSX.Element {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" style={{ fontSize: FONT.label, color: CHART_INK[theme].text }} aria-hidden="true">
      {items.map((it) => (
        <li key={it.label} className="flex items-center gap-1.5">
          <svg width={22} height={12} aria-hidden="true">
            {it.shape === 'box' ? (
              <rect x={3} y={1} width={16} height={10} rx={2} fill={it.color} />
            ) : (
              <line x1={1} y1={6} x2={21} y2={6} stroke={it.color} strokeWidth={3} strokeDasharray={it.shape === 'dashed' ? '5 3' : undefined} />
            )}
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
