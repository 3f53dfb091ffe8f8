/** The page's languages. The CLI stays English. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the language switch shows: each language named in itself. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

/** `<html lang>` and Intl locale per language: Simplified Chinese as written in mainland textbooks. */
export const LOCALES: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

/** Any tag a browser or a link may carry (`zh`, `zh-CN`, `zh-Hans-SG`, `en-GB`) to one of ours. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === base);
}

/** Where the choice is remembered (localStorage) and the link parameter that overrides it. */
export const LANGUAGE_STORAGE_KEY = 'gossip-lab.lang';
export const LANGUAGE_PARAM = 'lang';
