import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';

/**
 * Chinese and English text fit the page at a projector's 1280×720 and 1024×768: no control's
 * text runs out of its box or is cut off. The screenshots are the README's (written to
 * docs/screens/, committed), as e2e/stage.spec.ts writes its own.
 */

/** Controls and labels whose text is wider or taller than their box (clipped or spilling out). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, [role="tab"], label, select, h1, h2, summary, legend, th, dt');
    for (const el of Array.from(els)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('[hidden]')) continue;
      // Both directions: the vertical drawer tabs write top to bottom. A few pixels of a glyph's
      // ascent above a tight line box (× at leading-none) are not text cut off.
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 3) out.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    return out;
  });
}

async function ready(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.goto(`/?lang=${lang}`);
  await expect(page.getByRole('status').first()).toHaveText(lang === 'zh' ? /^第 0 轮/ : /^Round 0/);
}

for (const lang of ['en', 'zh'] as const) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    test(`${lang} at ${viewport.width}×${viewport.height}: every control's text fits its box`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await ready(page, lang);
      // A preset playing with the drawer open on Details: the busiest the page gets.
      await page.getByRole('button', { name: lang === 'zh' ? '分区与愈合' : 'Partition and heal', exact: true }).click();
      await expect(page.getByRole('tabpanel', { name: lang === 'zh' ? '详情' : 'Details', exact: true })).toBeVisible();
      await expect.poll(async () => Number(/(\d+)/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(8);
      await page.getByRole('button', { name: lang === 'zh' ? '暂停' : 'Pause', exact: true }).click();
      expect(await overflowing(page), 'dissemination').toEqual([]);
      await page.screenshot({ path: `docs/screens/i18n-${lang}-dissemination-${viewport.width}x${viewport.height}.png` });

      await page.getByRole('tab', { name: lang === 'zh' ? '成员管理' : 'Membership', exact: true }).click();
      await page.getByRole('button', { name: lang === 'zh' ? '检测崩溃节点（SWIM）' : 'Detecting a crash (SWIM)', exact: true }).click();
      await expect.poll(async () => Number(/(\d+)/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(8);
      expect(await overflowing(page), 'membership').toEqual([]);
      await page.screenshot({ path: `docs/screens/i18n-${lang}-membership-${viewport.width}x${viewport.height}.png` });
    });
  }
}
