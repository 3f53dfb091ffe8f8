import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/lessons.json';
import zh from '../i18n/locales/zh/lessons.json';
import { CHAPTERS, stepKey } from './chapters';
import type { ChallengeId } from './types';

/** Every key the course names in its data, for both languages. */
function keysOfCourse(): string[] {
  const keys: string[] = [];
  CHAPTERS.forEach((c, ci) => {
    keys.push(`chapters.${c.id}.title`);
    c.steps.forEach((s, si) => {
      keys.push(`${stepKey(ci, si)}.title`, `${stepKey(ci, si)}.text`);
      const p = s.prediction;
      if (p) {
        keys.push(p.questionKey);
        if (p.kind === 'number') keys.push(p.unitKey);
        else keys.push(...p.choices.map((x) => x.labelKey));
        if (p.theory) keys.push(p.theory.sourceKey, ...(p.theory.unitKey ? [p.theory.unitKey] : []));
      }
    });
  });
  const hints: Record<ChallengeId, string[]> = {
    'fast-and-cheap': ['goal', 'passed', 'nodes', 'crashed', 'unfinished', 'slow', 'costly'],
    'stop-on-ring': ['goal', 'passed', 'unfinished', 'origin', 'none', 'around', 'many'],
    'split-then-heal': ['goal', 'passed', 'whole', 'same', 'heal', 'converging', 'older'],
  };
  for (const [id, names] of Object.entries(hints)) keys.push(...names.map((n) => `challenge.${id}.${n}`));
  return keys;
}

const lookup = (table: unknown, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], table);

describe('the lessons\' text', () => {
  for (const [lang, table] of [['en', en], ['zh', zh]] as const) {
    it(`${lang}: every key the course names exists, as a non-empty string`, () => {
      const missing = keysOfCourse().filter((k) => typeof lookup(table, k) !== 'string' || (lookup(table, k) as string).trim() === '');
      expect(missing).toEqual([]);
    });
  }

  it('a step\'s text is short: at most 80 English words, at most 200 Chinese characters', () => {
    CHAPTERS.forEach((_, ci) => CHAPTERS[ci].steps.forEach((__, si) => {
      const key = `${stepKey(ci, si)}.text`;
      const words = (lookup(en, key) as string).split(/\s+/).filter(Boolean).length;
      const hanzi = [...(lookup(zh, key) as string)].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
      expect(words, key).toBeLessThanOrEqual(80);
      expect(hanzi, key).toBeLessThanOrEqual(200);
    }));
  });

  it('the Chinese uses the textbook terms where the English names them', () => {
    const pairs: [RegExp, string][] = [[/anti-entropy/i, '反熵'], [/fanout/i, '扇出'], [/network partition/i, '网络分区'], [/eventual consistency/i, '最终一致性'], [/rumor mongering/i, '谣言传播']];
    CHAPTERS.forEach((_, ci) => CHAPTERS[ci].steps.forEach((__, si) => {
      const key = `${stepKey(ci, si)}.text`;
      for (const [term, zhTerm] of pairs) if (term.test(lookup(en, key) as string)) expect(lookup(zh, key) as string, `${key}: ${zhTerm}`).toContain(zhTerm);
    }));
  });
});
