/** Ink of the charts per theme; the data colours come from the shared palette. */
export const CHART_INK = {
  light: { text: '#374151', axis: '#6B7280', grid: '#E5E7EB' },
  dark: { text: '#E5E7EB', axis: '#9CA3AF', grid: '#374151' },
} as const;

export const FONT = { tick: 12, label: 13 } as const;

/** The card each chart sits in. */
export const chartBox = 'min-w-0 rounded-lg border border-slate-200 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900';
