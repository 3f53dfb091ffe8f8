/** Ink of the charts per theme; the data colours come from the shared palette. */
export const CHART_INK = {
  light: { text: '#374151', axis: '#6B7280', grid: '#E5E7EB' },
  dark: { text: '#E5E7EB', axis: '#9CA3AF', grid: '#374151' },
} as const;

export const FONT = { tick: 12, label: 13 } as const;
