import i18next from 'i18next';
import { LOCALES, toLanguage } from './languages';

/**
 * Numbers per locale (1,000,000 in both English and Chinese; the separators come from Intl).
 * Formatters are cached per locale and option set: charts format thousands of ticks.
 */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const tag = LOCALES[toLanguage(i18next.resolvedLanguage ?? i18next.language) ?? 'en'];
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(tag, options)));
  return f;
}

/** An integer or a decimal with at most `digits` fraction digits, grouped per locale. */
export function formatNumber(n: number, digits = 0): string {
  return formatter({ maximumFractionDigits: digits }).format(n);
}

/** A share in [0, 1] as a percentage, e.g. 0.5 → "50%". */
export function formatPercent(share: number, digits = 0): string {
  return formatter({ style: 'percent', maximumFractionDigits: digits }).format(share);
}
