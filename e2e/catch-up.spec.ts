import { deflateRawSync } from 'node:zlib';
import { expect, test } from './helpers/fixtures';

const link = (config: unknown, round: number) =>
  '#run=' + deflateRawSync(Buffer.from(JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config, actions: [], round }))).toString('base64url');

test.describe('long rebuilds', () => {
  test('a link far ahead fast-forwards with a progress bar, the page answering, and Cancel stops it whole', async ({ page }) => {
    await page.goto('/' + link({ nodes: 10_000, protocol: 'push', topology: 'complete', seed: 3, crashRate: 0.001, recoverRate: 0.05 }, 40_000));
    const bar = page.getByRole('progressbar', { name: 'Rebuilding the run' });
    await expect(bar).toBeVisible();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    // The page answers while the worker works: the theme toggles at once.
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(bar).toHaveCount(0);
    await expect(page.getByText(/^Stopped rebuilding at round \d+ of 40000/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
    const status = await page.getByRole('status').first().innerText();
    const round = Number(/^Round (\d+)/.exec(status)![1]);
    expect(round).toBeGreaterThan(0);
    expect(round).toBeLessThan(40_000);
    // The run goes on from where it stopped.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByRole('status').first()).toHaveText(new RegExp(`^Round ${round + 1} · `));
  });
});
