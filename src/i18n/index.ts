import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_PARAM, LANGUAGE_STORAGE_KEY, LANGUAGES, LOCALES, toLanguage, type Language } from './languages';
import { DEFAULT_NAMESPACE, resources } from './resources';

/**
 * The i18n layer: i18next with every string bundled (the page works offline, so no lazy loading
 * over the network). The language comes from `?lang=` in a link, then the remembered choice, then
 * the browser's language; English when none of them is one of ours.
 */
const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

if (inBrowser) i18next.use(LanguageDetector);
void i18next.use(initReactI18next).init({
  resources,
  ns: Object.keys(resources.en),
  defaultNS: DEFAULT_NAMESPACE,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  nonExplicitSupportedLngs: true, // zh-CN, zh-Hans → zh
  load: 'languageOnly',
  lng: inBrowser ? undefined : 'en', // Node (tests, CLI): English unless a test switches
  initAsync: false, // resources are bundled: ready before the first render
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  detection: {
    order: ['querystring', 'localStorage', 'navigator'],
    lookupQuerystring: LANGUAGE_PARAM,
    lookupLocalStorage: LANGUAGE_STORAGE_KEY,
    caches: ['localStorage'],
    convertDetectedLanguage: (tag: string) => toLanguage(tag) ?? tag,
  },
});

function followDocument(lng: string): void {
  if (inBrowser) document.documentElement.lang = LOCALES[currentLanguage(lng)];
}
followDocument(i18next.language);
i18next.on('languageChanged', followDocument);

function currentLanguage(lng = i18next.resolvedLanguage ?? i18next.language): Language {
  return toLanguage(lng) ?? 'en';
}

/** The language the page shows now. */
export const language = (): Language => currentLanguage();

/** Switch the page's language; remembered by the detector's cache. */
export async function setLanguage(lng: Language): Promise<void> {
  await i18next.changeLanguage(lng);
}

/** The Intl locale of the current language, for numbers and dates. */
export const locale = (): string => LOCALES[currentLanguage()];

export { i18next };
export * from './languages';
export * from './format';
