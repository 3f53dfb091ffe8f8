import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { loadPreset } from './helpers/panels';
import { askForTestHook } from './helpers/test-hook';
import { stateHash } from './helpers/travel';

/** The canvas's share of the viewport, as the room sees it. */
async function canvasShare(page: Page): Promise<number> {
  const box = (await page.getByRole('region', { name: 'Presenter mode' }).locator('canvas').first().boundingBox())!;
  const vp = page.viewportSize()!;
  const w = Math.min(box.x + box.width, vp.width) - Math.max(0, box.x);
  const h = Math.min(box.y + box.height, vp.height) - Math.max(0, box.y);
  return (w * h) / (vp.width * vp.height);
}

const round = (page: Page) => page.getByRole('region', { name: 'Presenter mode' }).getByLabel('Round shown of rounds run');

test.describe('presenter mode', () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    test(`fills ${viewport.width}×${viewport.height} with the graph, big readouts, and leaves with Esc`, async ({ lab, page }) => {
      await page.setViewportSize(viewport);
      await lab.button('Presenter mode').click();
      const stage = page.getByRole('region', { name: 'Presenter mode' });
      await expect(stage).toBeVisible();
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.85);
      // The readouts are read from the back row: at least 32 px type.
      const size = await stage.getByText('Round', { exact: true }).locator('xpath=following-sibling::span').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(32);
      await lab.shot(`presenter-${viewport.width}`);
      await page.keyboard.press('Escape');
      await expect(stage).toHaveCount(0);
      await page.keyboard.press('f');
      await expect(stage).toBeVisible();
      await page.keyboard.press('f');
      await expect(stage).toHaveCount(0);
    });
  }

  test('a clicker drives a preset: Page Down steps, Page Up goes back a round', async ({ lab, page }) => {
    await loadPreset(lab, 'A rumor dies out (residue)');
    await lab.button('Pause').click();
    await page.keyboard.press('f');
    const shown = round(page);
    await expect(shown).toHaveText(/^\d+ \/ \d+$/);
    const start = Number((await shown.textContent())!.split(' / ')[0]);
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('PageDown');
      await expect(shown).toHaveText(new RegExp(`^${start + i} / `));
    }
    await page.keyboard.press('PageUp');
    await expect(shown).toHaveText(new RegExp(`^${start + 2} / ${start + 3}$`));
    await page.keyboard.press('PageUp');
    await expect(shown).toHaveText(new RegExp(`^${start + 1} / ${start + 3}$`));
    await expect(page.getByRole('region', { name: 'Presenter mode' })).toContainText('A rumor dies out (residue):');
  });

  test('Share with the class: the QR code decodes to a link that opens the same run at the same round', async ({ lab, page, browser, pageProblems }) => {
    await lab.step(4);
    await lab.button('Split in halves').click();
    await lab.step(2);
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Share with the class' }).click();
    const qr = page.getByRole('img', { name: "QR code of this run's link" });
    await expect(qr).toBeVisible();
    const pixels = await qr.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      return { width: d.width, height: d.height, data: Array.from(d.data) };
    });
    const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
    expect(decoded, 'the QR code decodes').not.toBeNull();
    const url = decoded!.data;
    expect(url).toMatch(/#run=[A-Za-z0-9_-]+$/);
    await expect(page.getByLabel("The run's link")).toHaveText(url);
    test.info().annotations.push({ type: 'link length', description: String(url.length) });
    const hash = await stateHash(page);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await askForTestHook(context);
    const phone = await context.newPage();
    phone.on('pageerror', (e) => pageProblems.push(`phone: ${e.message}`));
    await phone.goto(url);
    await expect(phone.getByText(/^Opened a shared run at round 6/)).toBeVisible();
    await expect.poll(() => stateHash(phone).catch(() => null)).toBe(hash);
    await context.close();
  });

  test('? lists every keyboard shortcut in a dialog that Esc closes', async ({ lab, page }) => {
    await lab.waitReady();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const key of ['Space', 'F', 'Esc', '← or Page Up', '→ or Page Down']) await expect(dialog.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(dialog).toBeVisible();
  });
});
