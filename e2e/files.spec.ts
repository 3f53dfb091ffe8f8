import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';
import { hashAt, seek, stateHash } from './helpers/travel';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Loads bytes into an <img> in the page: the width and height it decodes to (0 when it does not). */
function imageSize(page: Page, bytes: Buffer, type: string): Promise<{ w: number; h: number }> {
  return page.evaluate(async ({ b64, type }) => {
    const img = new Image();
    const loaded = new Promise<boolean>((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
    });
    img.src = `data:${type};base64,${b64}`;
    return (await loaded) ? { w: img.naturalWidth, h: img.naturalHeight } : { w: 0, h: 0 };
  }, { b64: bytes.toString('base64'), type });
}

function importInput(page: Page): Locator {
  return page.getByLabel('Scenario file to import', { exact: true });
}

async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await importInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: typeof content === 'string' ? Buffer.from(content) : content });
}

async function aRun(lab: GossipLab): Promise<void> {
  await lab.resetWith({ Nodes: '90', Protocol: 'push-pull', Seed: '6' });
  await lab.step(3);
  await lab.button('Split in halves').click();
  await lab.step(4);
}

test.describe('files', () => {
  test('exports open as what they claim: CSV, JSON, scenario, graph PNG, chart SVG and PNG', async ({ lab, page }) => {
    await aRun(lab);

    const csv = await download(page, lab.button('Export CSV'));
    expect(csv.name).toMatch(/^gossip-lab-push-pull-90n-seed6-round7\.csv$/);
    const rows = csv.bytes.toString('utf8').trimEnd().split('\n').map((l) => l.split(','));
    expect(rows[0].slice(0, 3)).toEqual(['round', 'live', 'sent']);
    expect(rows).toHaveLength(1 + 8);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(rows[0].length);
      for (const cell of row) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    }
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const json = JSON.parse((await download(page, lab.button('Export JSON'))).bytes.toString('utf8'));
    expect(json.config).toMatchObject({ nodes: 90, protocol: 'push-pull', seed: 6 });
    expect(json.rounds).toHaveLength(8);
    expect(json.actions).toEqual([{ round: 3, action: expect.objectContaining({ type: 'partition' }) }]);

    const scenario = await download(page, lab.button('Export scenario'));
    // Version 2: the run's split names its halves compactly (id ranges or a bitmap).
    expect(JSON.parse(scenario.bytes.toString('utf8'))).toMatchObject({ format: 'gossip-lab-scenario', version: 2, config: { nodes: 90 } });

    const graph = await download(page, lab.button('Export graph PNG'));
    expect([...graph.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect((await imageSize(page, graph.bytes, 'image/png')).w).toBeGreaterThan(100);

    for (const chart of ['informed', 'messages']) {
      const svg = await download(page, page.getByRole('button', { name: `Export ${chart} chart SVG`, exact: true }));
      expect(svg.name).toMatch(new RegExp(`-${chart}\\.svg$`));
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName, paths: doc.querySelectorAll('path, rect').length };
      }, svg.bytes.toString('utf8'));
      expect(parsed).toMatchObject({ error: 0, root: 'svg' });
      expect(parsed.paths).toBeGreaterThan(0);
      const asImage = await imageSize(page, svg.bytes, 'image/svg+xml');
      expect(asImage.w).toBeGreaterThan(100);

      const png = await download(page, page.getByRole('button', { name: `Export ${chart} chart PNG`, exact: true }));
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      // Twice the size, for a sharp slide.
      expect(await imageSize(page, png.bytes, 'image/png')).toEqual({ w: asImage.w * 2, h: asImage.h * 2 });
    }
  });

  test('an exported scenario imports back as the same run', async ({ lab, page }) => {
    await aRun(lab);
    const before = await hashAt(lab, 7);
    const scenario = await download(page, lab.button('Export scenario'));
    await lab.button('Reset to defaults').click();
    await lab.waitReady();
    await expect(lab.field('Nodes')).toHaveValue('100');
    await importFile(page, scenario.name, scenario.bytes);
    await expect(page.getByText(/^Imported gossip-lab-.*: 90 nodes, 1 action on the timeline\.$/)).toBeVisible();
    await lab.waitReady();
    await expect(lab.field('Nodes')).toHaveValue('90');
    await lab.step(7);
    expect(await stateHash(page)).toBe(before);
  });

  test('a malformed scenario file lists its problems with JSON paths and leaves the run alone', async ({ lab, page }) => {
    await aRun(lab);
    await seek(lab, 5);
    const before = await stateHash(page);
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const files: [string, string | Buffer, RegExp][] = [
      ['empty.json', '', /\$: not valid JSON/],
      ['garbage.json', Buffer.from([0xff, 0xd8, 0x00, 0x13, 0x37, 0x00, 0xfe]), /\$: not valid JSON/],
      ['truncated.json', '{"format": "gossip-lab-scenario", "version": 1, "config": {"nodes": 4', /\$: not valid JSON/],
      ['types.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 'many', loss: 3 }, actions: [{ round: -1, action: { type: 'explode' } }] }), /\$\.config\.nodes/],
      ['version.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 99, config: {}, actions: [] }), /\$\.version/],
      ['unknown.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 10, colour: 'red' }, actions: [], extra: true }), /Unrecognized key/],
      ['nodes.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 10 }, actions: [{ round: 1, action: { type: 'crash', node: 99 } }] }), /\$\.actions\[0\]\.action: node 99 does not exist/],
      ['huge-numbers.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 1e308, seed: 2 ** 64 }, actions: [] }), /\$\.config\.nodes/],
      ['big-for-the-page.json', JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 2_000_000 }, actions: [] }), /\$\.config\.nodes: Nodes can be at most 1,000,000/],
      ['deep.json', `{"format":"gossip-lab-scenario","version":1,"config":${deep},"actions":[]}`, /\$\.config/],
      ['huge.json', Buffer.alloc(2_500_000, 0x20), /\$: file too large/],
      ['array.json', '[1, 2, 3]', /\$: /],
    ];
    for (const [name, content, message] of files) {
      await importFile(page, name, content);
      const alert = page.getByRole('alert').filter({ hasText: `${name} was not imported` });
      await expect(alert, name).toBeVisible();
      await expect(alert.getByRole('list', { name: 'Import problems' }), name).toContainText(message);
      if (name === 'types.json') {
        await alert.scrollIntoViewIfNeeded();
        await lab.shot('import-problems');
      }
    }
    // Nothing in the run was lost.
    await expect(page.getByText(/^Viewing round 5 of 7/)).toBeVisible();
    expect(await stateHash(page)).toBe(before);
    await expect(lab.field('Nodes')).toHaveValue('90');
    await page.getByRole('button', { name: 'Dismiss import problems', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
  });

  test('the run is remembered across reloads unless turned off; Reset to defaults forgets it', async ({ lab, page }) => {
    await aRun(lab);
    const at7 = await stateHash(page);
    const remember = page.getByRole('checkbox', { name: 'Remember this run', exact: true });
    await expect(remember).toBeChecked();
    await page.reload();
    await expect(page.getByText(/^Restored your last run at round 7/)).toBeVisible();
    expect(await hashAt(lab, 7)).toBe(at7);
    await expect(lab.field('Nodes')).toHaveValue('90');
    await lab.shot('restored');

    await remember.uncheck();
    await page.reload();
    await lab.waitReady();
    await expect(lab.field('Nodes')).toHaveValue('100');
    await expect(remember).not.toBeChecked();

    await remember.check();
    await aRun(lab);
    await lab.button('Reset to defaults').click();
    await lab.waitReady();
    await page.reload();
    await lab.waitReady();
    await expect(lab.field('Nodes')).toHaveValue('100');
    await expect(lab.field('Seed')).toHaveValue('1');
  });
});
