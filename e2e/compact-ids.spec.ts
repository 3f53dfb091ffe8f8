import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from './helpers/fixtures';

/**
 * The run: 10,000 nodes and 45 group actions, each naming every node. Node lists are
 * written compactly (id ranges, bitmaps), so its link is short and opens, and its export is small
 * and imports back (issue 16: before, a 1 MB link and a 7 MB export that the page refused).
 */
test('a 10,000-node run with 45 group actions opens from a short link and exports a small file that imports back', async ({ lab, page }) => {
  const actions = Array.from({ length: 45 }, (_, i) => ({ round: i, action: { type: 'partition', groups: [['0-4999'], ['5000-9999']] } }));
  const json = JSON.stringify({ link: 3, model: 'spread', config: { nodes: 10_000 }, actions, round: 3 });
  const hash = deflateRawSync(Buffer.from(json)).toString('base64url');
  expect(hash.length).toBeLessThan(1000);
  await page.goto('about:blank'); // from the fixture's page, a hash change alone would not load it again
  await page.goto(`/#run=${hash}`);
  await expect(page.getByText('Opened a shared run at round 3: the same rounds, exactly.')).toBeVisible();
  await lab.expectRound(3);
  await lab.showPanel('Timeline');
  await expect(page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '45');

  const [file] = await Promise.all([page.waitForEvent('download'), lab.button('Export scenario').click()]);
  const bytes = await readFile(await file.path());
  test.info().annotations.push({ type: 'export', description: `${bytes.length} bytes` });
  expect(bytes.length).toBeLessThan(20_000);
  const written = JSON.parse(bytes.toString()) as { version: number; actions: { action: { groups: unknown } }[] };
  expect(written.version).toBe(2);
  expect(written.actions[0].action.groups).toEqual([['0-4999'], ['5000-9999']]);

  await lab.button('Reset to defaults').click();
  await lab.waitReady();
  await page.getByLabel('Scenario file to import', { exact: true }).setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
  await expect(page.getByText(/: 10000 nodes, 45 actions on the timeline\.$/)).toBeVisible();
  await lab.waitReady();
  await expect(lab.field('Nodes')).toHaveValue('10000');
});
