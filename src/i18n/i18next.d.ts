import 'i18next';
import type { resources, DEFAULT_NAMESPACE } from './resources';

/** Typed keys: `t('missing.key')` is a compile error, in every namespace. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: (typeof resources)['en'];
    returnNull: false;
  }
}
