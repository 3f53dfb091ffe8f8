import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';

/**
 * A long timeline costs a play round nothing (issue 16): the list renders only the rows in view
 * and does not re-render as a whole every round. Measured in one page, alternating a run with
 * one planned action and the same run with 50,000, at the speed cap, on a run that does not
 * settle (the actions are far ahead, so both runs are the same rounds).
 *
 * 50,000 of the shortest action, `{"round":1000,"action":{"type":"heal"}}` (40 bytes with its
 * comma), fit in one run file: a run's JSON is at most 2 MiB (MAX_RUN_BYTES).
 */
const MANY = 50_000;
const WINDOW_MS = 5000;

function scenario(actions: number): string {
  const list: string[] = [];
  for (let i = 0; i < actions; i++) list.push(`{"round":${1000 + Math.floor(i / 6)},"action":{"type":"heal"}}`);
  return `{"format":"gossip-lab-scenario","version":1,"config":{"nodes":500,"seed":3},"actions":[${list.join(',')}]}`;
}

async function importRun(lab: GossipLab, text: string, actions: number): Promise<void> {
  await lab.page.getByLabel('Scenario file to import', { exact: true }).setInputFiles({ name: `timeline-${actions}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(lab.page.getByText(new RegExp(`500 nodes, (${actions}|${actions.toLocaleString('en-US')}) actions? on the timeline`))).toBeVisible();
  await lab.waitReady();
}

/** Rounds per second over a window of play at the speed cap, and the longest main-thread task meanwhile. */
async function playRate(lab: GossipLab): Promise<{ rate: number; longestTaskMs: number }> {
  await lab.button('Play').click();
  // Steady play: past the one-off work of the import (the run remembered a second after it).
  await expect.poll(async () => (await lab.reading()).round, { timeout: 30_000 }).toBeGreaterThan(60);
  await lab.page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const a = { round: (await lab.reading()).round, at: Date.now() };
  await lab.page.waitForTimeout(WINDOW_MS); // a measuring window, not a wait for a state
  const b = { round: (await lab.reading()).round, at: Date.now() };
  await lab.button('Pause').click();
  const longestTaskMs = await lab.page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
  return { rate: ((b.round - a.round) * 1000) / (b.at - a.at), longestTaskMs };
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.reload();
}

test.describe('a long timeline', () => {
  test(`${MANY.toLocaleString('en-US')} planned actions play at the rate of one, and the list holds only the rows in view`, async ({ lab, page }) => {
    test.setTimeout(180_000);
    await watchLongTasks(page);
    await lab.waitReady();
    await lab.setSpeed(30);
    await lab.showPanel('Timeline');
    const few = scenario(1);
    const many = scenario(MANY);
    const rates = { few: [] as number[], many: [] as number[] };
    for (let pass = 0; pass < 2; pass++) {
      await importRun(lab, few, 1);
      const a = await playRate(lab);
      rates.few.push(a.rate);
      await importRun(lab, many, MANY);
      const list = page.getByRole('list', { name: 'Timeline entries' });
      const rows = await list.getByRole('listitem').count();
      expect(rows, 'rows in the page').toBeLessThan(40);
      await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(MANY));
      const b = await playRate(lab);
      rates.many.push(b.rate);
      expect(b.longestTaskMs, 'longest main-thread task while playing the long timeline').toBeLessThan(250);
      console.log(`pass ${pass + 1}: 1 action ${a.rate.toFixed(1)} rounds/s (longest task ${a.longestTaskMs.toFixed(0)} ms), ${MANY} actions ${b.rate.toFixed(1)} rounds/s (longest task ${b.longestTaskMs.toFixed(0)} ms), ${rows} rows in the page`);
    }
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const ratio = sum(rates.many) / sum(rates.few);
    test.info().annotations.push({ type: 'rounds/s', description: `1 action ${rates.few.map((r) => r.toFixed(1)).join(', ')}; ${MANY} actions ${rates.many.map((r) => r.toFixed(1)).join(', ')}; ratio ${ratio.toFixed(3)}` });
    console.log(`ratio ${ratio.toFixed(3)}`);
    expect(ratio, 'rounds/s with the long timeline ÷ with one action').toBeGreaterThan(0.9);

    // The list still reaches any entry from the keyboard: its scroller takes focus, End goes to the last row.
    const list = page.getByRole('list', { name: 'Timeline entries' });
    await list.locator('xpath=..').focus();
    // Rows are measured as they show, so the end can move a little after the first End: press again, as a user would.
    await expect(async () => {
      await page.keyboard.press('End');
      await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-posinset', String(MANY), { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(list.getByRole('button', { name: /^Remove round 9,333: heal$/ }).last()).toBeVisible();
    await lab.shot('long-timeline-scrolled-to-the-end');
  });
});
