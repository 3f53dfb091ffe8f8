import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, i18next, language, setLanguage, toLanguage } from './index';

afterEach(() => setLanguage('en'));

describe('i18n', () => {
  it('maps any browser or link tag to one of our languages', () => {
    expect(toLanguage('zh-CN')).toBe('zh');
    expect(toLanguage('zh-Hans-SG')).toBe('zh');
    expect(toLanguage('EN_gb')).toBe('en');
    expect(toLanguage('fr')).toBeUndefined();
    expect(toLanguage(undefined)).toBeUndefined();
  });

  it('switches language and translates', async () => {
    expect(language()).toBe('en');
    expect(i18next.t('language.label')).toBe('Language');
    await setLanguage('zh');
    expect(language()).toBe('zh');
    expect(i18next.t('language.label')).toBe('语言');
  });

  it('formats numbers per locale', async () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatPercent(0.5)).toBe('50%');
    await setLanguage('zh');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
  });
});
