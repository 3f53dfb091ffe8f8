import { deflateRawSync } from 'node:zlib';
import { deflateBomb } from '../src/share/deflate-bomb';
import { expect, test } from './helpers/fixtures';
import { expectAnswering, health, watchLongTasks } from './helpers/answering';

/**
 * Issue 16's Done-when, the inputs besides the run's cost (limits.spec.ts): a link that inflates
 * to hundreds of MB, a link at round 10⁶ on 10⁴ nodes, and a file of 45,000 actions each leave
 * the page answering, with a message saying what was refused or a progress bar with Cancel.
 */
test.describe('the page keeps answering', () => {
  test('a link that inflates to 300 MB is refused as too large, not as damaged', async ({ page, lab }) => {
    const bomb = Buffer.from(deflateBomb(300)).toString('base64url');
    test.info().annotations.push({ type: 'link', description: `${bomb.length} characters` });
    await watchLongTasks(page);
    await page.goto(`/#run=${bomb}`);
    await lab.waitReady();
    await expect(page.getByText(/^This link could not be loaded whole: the link is too large: its run unpacks to more than 2,097,152 bytes/)).toBeVisible();
    await expectAnswering(lab, '300 MB deflate bomb');
  });

  test('a link at round 1,000,000 on 10,000 nodes fast-forwards with a progress bar and Cancel, the page answering', async ({ page, lab }) => {
    const json = JSON.stringify({ link: 2, model: 'spread', config: { nodes: 10_000, protocol: 'push', topology: 'complete', seed: 3, crashRate: 0.001, recoverRate: 0.05 }, actions: [], round: 1_000_000 });
    await watchLongTasks(page);
    await page.goto('/#run=' + deflateRawSync(Buffer.from(json)).toString('base64url'));
    const bar = page.getByRole('progressbar', { name: 'Rebuilding the run' });
    await expect(bar).toBeVisible();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(1000);
    const during = await health(page);
    test.info().annotations.push({ type: 'while rebuilding', description: `longest task ${during.longestTaskMs.toFixed(0)} ms, heap ${during.heapMB.toFixed(1)} MB` });
    expect(during.longestTaskMs).toBeLessThan(1000);
    expect(during.heapMB).toBeLessThan(400);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(bar).toHaveCount(0);
    await expect(page.getByText(/^Stopped rebuilding at round \d+ of 1000000/)).toBeVisible();
    await expectAnswering(lab, 'link at round 1,000,000');
  });

  test('a file of 45,000 actions opens whole, and the page keeps answering', async ({ page, lab }) => {
    const actions = Array.from({ length: 45_000 }, (_, i) => `{"round":${1000 + Math.floor(i / 5)},"action":{"type":"heal"}}`);
    const text = `{"format":"gossip-lab-scenario","version":1,"config":{"nodes":1000,"seed":2},"actions":[${actions.join(',')}]}`;
    await watchLongTasks(page);
    await page.goto('/');
    await lab.waitReady();
    await page.getByLabel('Scenario file to import', { exact: true }).setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByText(/: 1000 nodes, 45000 actions on the timeline\.$/)).toBeVisible();
    await lab.waitReady();
    await lab.step(2);
    await expectAnswering(lab, '45,000-action file');
  });
});
