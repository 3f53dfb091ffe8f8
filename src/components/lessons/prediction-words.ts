import { formatNumber } from '../../i18n';
import type { LessonT } from '../../lessons/text';
import type { Prediction } from '../../lessons/types';

/** The student's prediction as words: a number with its unit, or the choice's label. */
export function shown(t: LessonT, p: Prediction, value: number | string | null): string {
  if (value === null) return '—';
  if (p.kind === 'choice') return t(p.choices.find((c) => c.id === value)?.labelKey ?? '') || String(value);
  return `${formatNumber(Number(value), 1)} ${t(p.unitKey)}`;
}
