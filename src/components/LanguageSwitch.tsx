import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, setLanguage, toLanguage } from '../i18n';
import { field } from './ui-classes';

/** English / 中文, in the header. Each language is named in itself, so anyone can find theirs. */
export function LanguageSwitch(): JSX.Element {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage) ?? 'en';
  return (
    <select
      className={`${field.replace('w-full ', '')} shrink-0`}
      aria-label={t('language.label')}
      value={current}
      onChange={(e) => {
        const next = toLanguage(e.target.value);
        if (next) void setLanguage(next);
      }}
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng} lang={lng === 'zh' ? 'zh-CN' : 'en'}>
          {LANGUAGE_NAMES[lng]}
        </option>
      ))}
    </select>
  );
}
