import { okabeIto } from '../../theme/palette';

/** Ink of the charts per theme; the data colours come from the shared palette. */
export const CHART_INK = {
  light: { text: '#374151', axis: '#6B7280', grid: '#E5E7EB' },
  dark: { text: '#E5E7EB', axis: '#9CA3AF', grid: '#374151' },
} as const;

export const FONT = { tick: 12, label: 13 } as const;

/** The card each chart sits in. */
export const chartBox = 'min-w-0 rounded-lg border border-slate-200 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900';

/**
 * Each kept run's line (Compare), in keeping order: Okabe & Ito's colours other than the
 * current run's blue, each with its own dash, so runs differ in shape as well as in hue.
 */
export function keptStyle(index: number, theme: 'light' | 'dark'): { color: string; dash: string } {
  const styles = [
    { color: okabeIto.orange, dash: '9 4' },
    { color: okabeIto.skyBlue, dash: '2 3' },
    { color: okabeIto.bluishGreen, dash: '10 3 2 3' },
    { color: okabeIto.vermillion, dash: '5 2' },
    { color: okabeIto.reddishPurple, dash: '10 2 2 2 2 2' },
    { color: CHART_INK[theme].text, dash: '1 4' },
  ];
  return styles[index % styles.length];
}
