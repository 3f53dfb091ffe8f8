import enCommon from './locales/en/common.json';
import zhCommon from './locales/zh/common.json';
import enControls from './locales/en/controls.json';
import zhControls from './locales/zh/controls.json';
import enDetails from './locales/en/details.json';
import zhDetails from './locales/zh/details.json';
import type { Language } from './languages';

/**
 * Every namespace of every language. One JSON file per namespace and language, so that work on
 * different parts of the page (lessons, the lab, the header) touches different files. Add a
 * namespace here in both languages; the parity test checks that their keys match.
 */
export const resources = {
  en: { common: enCommon, details: enDetails, controls: enControls },
  zh: { common: zhCommon, details: zhDetails, controls: zhControls },
} as const satisfies Record<Language, Record<string, unknown>>;

export const DEFAULT_NAMESPACE = 'common';
export type Namespace = keyof (typeof resources)['en'];
