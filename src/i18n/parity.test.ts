import { describe, expect, it } from 'vitest';
import { resources } from './resources';
import { LANGUAGES } from './languages';

/**
 * Every key exists in every language, with the same interpolation variables. Plural forms are
 * compared by their base key: English has `_one` and `_other`, Chinese only `_other`.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value));
  return out;
}

const variables = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]))].sort();

function byBaseKey(ns: Record<string, unknown>): Map<string, { vars: string[]; empty: boolean }> {
  const out = new Map<string, { vars: string[]; empty: boolean }>();
  for (const [key, text] of flatten(ns)) {
    const base = key.replace(PLURAL, '');
    const prev = out.get(base);
    const vars = [...new Set([...(prev?.vars ?? []), ...variables(text)])].sort();
    out.set(base, { vars, empty: (prev?.empty ?? false) || text.trim() === '' });
  }
  return out;
}

describe('translations', () => {
  const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[];

  it('have the same namespaces in every language', () => {
    for (const lng of LANGUAGES) expect(Object.keys(resources[lng]).sort()).toEqual([...namespaces].sort());
  });

  for (const ns of namespaces) {
    it(`${ns}: every key in every language, with the same variables and no empty text`, () => {
      const en = byBaseKey(resources.en[ns]);
      for (const lng of LANGUAGES) {
        const other = byBaseKey(resources[lng][ns]);
        expect([...other.keys()].sort(), `${lng}/${ns}.json keys`).toEqual([...en.keys()].sort());
        for (const [key, { vars, empty }] of other) {
          expect(vars, `${lng}/${ns}.json ${key}: variables`).toEqual(en.get(key)?.vars);
          expect(empty, `${lng}/${ns}.json ${key}: empty`).toBe(false);
        }
      }
    });
  }
});
