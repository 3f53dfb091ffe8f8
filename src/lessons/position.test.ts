import { describe, expect, it } from 'vitest';
import { CHAPTERS } from './chapters';
import { EMPTY_PROGRESS, parseLessonQuery, parseProgress, progressText, withLessonQuery } from './position';

describe('lesson links', () => {
  it('reads ?lesson=3&step=2 as chapter 2, step 1 (0-based), keeping other parameters when writing', () => {
    expect(parseLessonQuery('?lesson=3&step=2')).toEqual({ position: { chapter: 2, step: 1 }, problem: null });
    expect(parseLessonQuery('?lang=zh&lesson=1')).toEqual({ position: { chapter: 0, step: 0 }, problem: null });
    expect(parseLessonQuery('?lang=zh')).toBeNull();
    expect(withLessonQuery('?lang=zh', { chapter: 2, step: 1 })).toBe('?lang=zh&lesson=3&step=2');
    expect(withLessonQuery('?lang=zh&lesson=3&step=2', null)).toBe('?lang=zh');
    expect(withLessonQuery('?lesson=1', null)).toBe('');
  });

  it('opens the nearest real step and names the problem for a lesson or step that does not exist', () => {
    expect(parseLessonQuery('?lesson=99')).toMatchObject({ position: { chapter: 0, step: 0 }, problem: { key: 'link.noLesson', values: { lesson: '99', count: CHAPTERS.length } } });
    expect(parseLessonQuery('?lesson=abc')?.problem?.key).toBe('link.noLesson');
    expect(parseLessonQuery('?lesson=2&step=42')).toMatchObject({ position: { chapter: 1, step: 0 }, problem: { key: 'link.noStep' } });
  });
});

describe('lesson progress', () => {
  it('round-trips and drops what it does not know', () => {
    const p = { position: { chapter: 3, step: 1 }, done: ['push/rounds', 'fanout/cost'] };
    expect(parseProgress(progressText(p))).toEqual(p);
    expect(parseProgress('{"chapter": 77, "step": -4, "done": ["nope/x", 3, "push/rounds"]}')).toEqual({ position: { chapter: CHAPTERS.length - 1, step: 0 }, done: ['push/rounds'] });
    expect(parseProgress('not json')).toEqual(EMPTY_PROGRESS);
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
  });
});
