import { expect, test } from '@playwright/test';
import { askForTestHook } from './helpers/test-hook';

/**
 * The read-only test hook is opt-in (issue 16): the production page, opened as a user opens
 * it, has no `window.__gossipLab`; a page whose test asks before its scripts run has it.
 */
const hook = (page: import('@playwright/test').Page) => page.evaluate(() => typeof (window as unknown as { __gossipLab?: unknown }).__gossipLab);

test('the production page has no test hook unless a test asks for it', async ({ browser }) => {
  const plain = await browser.newContext();
  const page = await plain.newPage();
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText(/^Round 0 · /);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  expect(await hook(page)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window).filter((k) => /gossip/i.test(k)))).toEqual([]);
  await plain.close();

  const asking = await browser.newContext();
  await askForTestHook(asking);
  const tested = await asking.newPage();
  await tested.goto('/');
  await expect.poll(() => hook(tested)).toBe('object');
  await expect.poll(() => tested.evaluate(() => (window as unknown as { __gossipLab: { round(): number } }).__gossipLab.round())).toBe(0);
  await asking.close();
});
