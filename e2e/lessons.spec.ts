import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { readFileSync } from 'node:fs';
import { CHAPTERS, stepKey } from '../src/lessons/chapters';
import { Simulation } from '../src/engine/simulation';
import { stateHash } from '../src/run/state-hash';
import type { LessonStep } from '../src/lessons/types';

/**
 * The course, walked as a student would in both languages: every step's scenario loads (the
 * state shown is the engine's own round 0 of it), every prediction can be answered and the
 * engine's answer appears beside it, every challenge refuses a wrong answer with its hint and
 * passes a scripted right one. Plus: a lesson link opens its step, progress survives a reload,
 * Page Down/Up move through steps, and screenshots of an answered step in both languages.
 */
type Lang = 'en' | 'zh';
const table = (lang: Lang): unknown => JSON.parse(readFileSync(new URL(`../src/i18n/locales/${lang}/lessons.json`, import.meta.url), 'utf8'));
const TABLES = { en: table('en'), zh: table('zh') } as const;

function text(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const raw = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], TABLES[lang]);
  if (typeof raw !== 'string') throw new Error(`no text ${lang}:${key}`);
  return raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** A hint's template as a pattern: its numbers may be anything. */
function hint(lang: Lang, key: string): RegExp {
  const raw = text(lang, key);
  const escaped = raw.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
  return new RegExp(escaped);
}

test.use({ actionTimeout: 30_000 });

class Course {
  constructor(readonly page: Page, readonly lang: Lang) {}
  t(key: string, values?: Record<string, string | number>): string {
    return text(this.lang, key, values);
  }
  button(key: string): Locator {
    return this.page.getByRole('button', { name: this.t(key), exact: true });
  }
  get card(): Locator {
    return this.page.getByRole('region', { name: /./ }).filter({ has: this.page.locator('#lesson-title') });
  }
  heading(ci: number, si: number): Locator {
    return this.page.locator('#lesson-title').filter({ hasText: this.t(`${stepKey(ci, si)}.title`) });
  }
  get result(): Locator {
    return this.page.getByRole('status', { name: this.t('result.label') });
  }
  get verdict(): Locator {
    return this.page.getByRole('status', { name: this.t('challenge.verdict') });
  }
  async hook<T>(fn: string): Promise<T> {
    return this.page.evaluate((f) => (window as unknown as Record<string, Record<string, () => unknown>>).__gossipLab?.[f]?.() as T, fn);
  }
  async lastRound(): Promise<number> {
    return (await this.hook<number>('lastRound')) ?? -1;
  }
}

/** The engine's own run of a dissemination step's scenario at `round`, hashed as the page hashes what it shows. */
function engineHash(step: LessonStep, round: number): string {
  const s = step.scenario;
  if (s.mode !== 'dissemination') throw new Error('a membership step');
  const sim = new Simulation(s.config, { schedule: s.actions });
  for (let r = 0; r < round; r++) sim.step();
  return stateHash({ round, versions: sim.world.cur, alive: sim.world.alive, group: sim.world.group });
}

/** The step's heading shows, and the state shown is the engine's own run of its scenario (at the round shown: a step may play by itself). */
async function expectLoaded(c: Course, ci: number, si: number): Promise<void> {
  await expect(c.heading(ci, si)).toBeVisible();
  const step = CHAPTERS[ci].steps[si];
  if (step.scenario.mode === 'membership') {
    await expect(c.page.getByRole('tab', { name: /Membership|成员/, selected: true })).toBeVisible();
    await expect.poll(() => c.hook<number>('round')).toBe(0);
    return;
  }
  await expect.poll(async () => {
    const shown = await c.hook<string | null>('stateHash');
    return shown !== null && shown === engineHash(step, Number(shown.split(':')[0]));
  }, { timeout: 20_000 }).toBe(true);
}

async function answerPrediction(c: Course, step: LessonStep): Promise<void> {
  const p = step.prediction!;
  if (p.kind === 'number') await c.page.getByRole('spinbutton', { name: c.t('prediction.label'), exact: true }).fill('10');
  else await c.page.getByRole('radio', { name: c.t(p.choices[0].labelKey), exact: true }).check();
  await c.button('prediction.submit').click();
  if (step.handPlay) {
    // The student steps the first rounds; the engine's answer comes after round 3.
    for (let r = 1; r <= 3; r++) {
      await c.page.getByRole('button', { name: c.t('run.step'), exact: true }).click();
      await expect.poll(() => c.lastRound()).toBe(r);
    }
  }
  await expect(c.result).toBeVisible({ timeout: 45_000 });
  await expect(c.result).toContainText(c.t('result.engine'));
  if (p.theory) await expect(c.result).toContainText(c.t(p.theory.sourceKey));
}

/** Clicks Check until the verdict matches (the run may still be on its way there). */
async function checkUntil(c: Course, want: RegExp, timeout = 45_000): Promise<void> {
  await expect(async () => {
    await c.button('challenge.check').click();
    await expect(c.verdict).toHaveText(want, { timeout: 1500 });
  }).toPass({ timeout });
}

async function play(c: Course): Promise<void> {
  await c.page.getByRole('button', { name: c.t('run.play'), exact: true }).click();
}

const CHALLENGES: Record<string, (c: Course) => Promise<void>> = {
  async 'fast-and-cheap'(c) {
    // Wrong: plain push with fanout 1 is too slow.
    await play(c);
    await expect.poll(() => c.lastRound(), { timeout: 30_000 }).toBeGreaterThan(10);
    await checkUntil(c, hint(c.lang, 'challenge.fast-and-cheap.slow'));
    // Right: push with fanout 3, from round 0.
    await c.page.getByRole('spinbutton', { name: c.t('tools.fanout'), exact: true }).fill('3');
    await c.button('challenge.startOver').click();
    await expect.poll(() => c.lastRound()).toBe(0);
    await expect(c.verdict).toHaveCount(0);
    await play(c);
    await checkUntil(c, hint(c.lang, 'challenge.fast-and-cheap.passed'));
  },
  async 'stop-on-ring'(c) {
    await checkUntil(c, hint(c.lang, 'challenge.stop-on-ring.none'));
    const node = c.page.getByRole('spinbutton', { name: c.t('tools.node'), exact: true });
    const crash = c.button('tools.crash');
    // Wrong: one cut, and the rumor goes round the other way.
    await node.fill('3');
    await crash.click();
    await checkUntil(c, hint(c.lang, 'challenge.stop-on-ring.around'));
    // Wrong: the writer itself.
    await node.fill('0');
    await crash.click();
    await checkUntil(c, hint(c.lang, 'challenge.stop-on-ring.origin'));
    await crash.click(); // recover node 0
    // Right: the other side too.
    await node.fill('27');
    await crash.click();
    await checkUntil(c, hint(c.lang, 'challenge.stop-on-ring.passed'));
    await play(c);
    await expect.poll(() => c.lastRound()).toBeGreaterThan(3);
    await checkUntil(c, hint(c.lang, 'challenge.stop-on-ring.passed'));
  },
  async 'split-then-heal'(c) {
    await checkUntil(c, hint(c.lang, 'challenge.split-then-heal.whole'));
    // Everyone learns version 1 (the run pauses itself once all know).
    await play(c);
    await expect.poll(() => c.lastRound(), { timeout: 30_000 }).toBeGreaterThan(3);
    await expect.poll(async () => { const a = await c.lastRound(); await c.page.waitForTimeout(600); return (await c.lastRound()) === a; }, { timeout: 30_000 }).toBe(true);
    await c.button('tools.split').click();
    // Wrong: split, but both halves hold the same value.
    await checkUntil(c, hint(c.lang, 'challenge.split-then-heal.same'));
    await c.button('tools.write').click();
    await play(c);
    // Wrong: the halves disagree, but no heal yet.
    await checkUntil(c, hint(c.lang, 'challenge.split-then-heal.heal'));
    await c.button('tools.heal').click();
    await checkUntil(c, hint(c.lang, 'challenge.split-then-heal.passed'));
  },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: every lesson step loads, every prediction is answered, every challenge refuses a wrong answer and passes a right one`, async ({ page }) => {
    test.setTimeout(600_000);
    const c = new Course(page, lang);
    await page.goto(`/?lang=${lang}&lesson=1&step=1`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    for (let ci = 0; ci < CHAPTERS.length; ci++) {
      for (let si = 0; si < CHAPTERS[ci].steps.length; si++) {
        const step = CHAPTERS[ci].steps[si];
        await test.step(`${CHAPTERS[ci].id}/${step.id}`, async () => {
          await expectLoaded(c, ci, si);
          expect(new URL(page.url()).search).toContain(`lesson=${ci + 1}&step=${si + 1}`);
          if (step.prediction) await answerPrediction(c, step);
          if (step.challenge) await CHALLENGES[step.challenge](c);
          if (step.sandbox) {
            await c.button('nav.sandbox').click();
            await expect(page.locator('#lesson-title')).toHaveCount(0);
            await expect(page.getByRole('spinbutton').first()).toBeVisible();
            expect(new URL(page.url()).search).not.toContain('lesson=');
          } else {
            await c.button('nav.next').click();
          }
        });
      }
    }
  });
}

test('?lesson=3&step=2 opens push-pull; progress survives a reload; Page Down and Page Up move through steps', async ({ page }) => {
  const c = new Course(page, 'en');
  await page.goto('/?lang=en&lesson=3&step=2');
  await expectLoaded(c, 2, 1);
  await answerPrediction(c, CHAPTERS[2].steps[1]);
  const done = page.getByRole('img', { name: c.t('panel.done') });
  await expect(done).toBeVisible();
  await page.reload();
  await expectLoaded(c, 2, 1);
  await expect(done).toBeVisible();
  // Page Down: the next step; Page Up: back. → still steps the run.
  await page.keyboard.press('PageDown');
  await expectLoaded(c, 2, 2);
  await page.keyboard.press('PageUp');
  await expectLoaded(c, 2, 1);
  await expect(done).toBeVisible();
  // Closing keeps the place: Lessons reopens on it.
  await c.button('nav.close').click();
  await expect(page.locator('#lesson-title')).toHaveCount(0);
  expect(new URL(page.url()).search).not.toContain('lesson=');
  await page.getByRole('button', { name: c.t('open'), exact: true }).click();
  await expectLoaded(c, 2, 1);
  // In presenter mode Page Down moves on too, and the caption names the step.
  await page.keyboard.press('f');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('region', { name: 'Presenter mode' })).toContainText(c.t(`${stepKey(2, 2)}.title`));
});

test('a lesson link that names no lesson opens lesson 1 and says so', async ({ page }) => {
  const c = new Course(page, 'en');
  await page.goto('/?lang=en&lesson=42');
  await expectLoaded(c, 0, 0);
  await expect(page.getByText(c.t('link.noLesson', { lesson: '42', count: CHAPTERS.length }))).toBeVisible();
});

test('a wrong prediction input is refused with a clear message and the run waits', async ({ page }) => {
  const c = new Course(page, 'zh');
  await page.goto('/?lang=zh&lesson=1&step=1');
  await expectLoaded(c, 0, 0);
  await c.button('prediction.submit').click();
  await expect(page.getByRole('alert').filter({ hasText: c.t('prediction.needNumber') })).toBeVisible();
  expect(await c.lastRound()).toBe(0);
});

for (const lang of ['en', 'zh'] as const) {
  for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
    test(`${lang} ${width}×${height}: an answered step keeps the graph at least half the screen (screenshot)`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const c = new Course(page, lang);
      await page.goto(`/?lang=${lang}&lesson=3&step=2`);
      await expectLoaded(c, 2, 1);
      await answerPrediction(c, CHAPTERS[2].steps[1]);
      const graph = (await page.locator('main > div').nth(1).boundingBox())!;
      const share = (graph.width * graph.height) / (width * height);
      console.log(`lesson view ${lang} ${width}×${height}: graph ${(share * 100).toFixed(1)} %`);
      expect(share).toBeGreaterThanOrEqual(0.5);
      await expect(c.result).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `docs/screens/lesson-${lang}-${width}x${height}.png` });
    });
  }
}

test('axe: the lesson view has no critical or serious violations (prediction, result, challenge verdict; light and dark)', async ({ page }) => {
  const violations = async (): Promise<string[]> => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  };
  const c = new Course(page, 'zh');
  await page.goto('/?lang=zh&lesson=2&step=2');
  await expectLoaded(c, 1, 1);
  expect(await violations(), 'a choice prediction').toEqual([]);
  await answerPrediction(c, CHAPTERS[1].steps[1]);
  expect(await violations(), 'answered').toEqual([]);
  await c.button('nav.next').click();
  await expectLoaded(c, 1, 2);
  await checkUntil(c, hint('zh', 'challenge.fast-and-cheap.unfinished'));
  expect(await violations(), 'a challenge with its hint').toEqual([]);
  await page.getByRole('button', { name: /Theme|主题/ }).click();
  expect(await violations(), 'dark theme').toEqual([]);
});
