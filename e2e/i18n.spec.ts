import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';

/**
 * Two languages, the whole page. With ?lang=zh every view a user can open — both modes, every
 * drawer tab, presenter mode, the dialogs, a preset playing — reads in Chinese: the visible text
 * and the accessible names of the controls hold no English word but the names and units below.
 */

/** Proper names, protocol message names, units, file formats and key names: the same in a Chinese textbook. */
const ALLOWED = new Set([
  // Names
  'Gossip', 'Lab', 'SWIM', 'Cassandra', 'Serf', 'memberlist', 'Demers', 'Karp', 'English', 'Phi',
  // Units and formats
  'ms', 'KB', 'kB', 'MB', 'CSV', 'JSON', 'PNG', 'SVG', 'QR', 'URL', 'UDP',
  // Protocol messages and symbols as the literature writes them
  'ping', 'ack', 'req', 'SYN', 'ACK', 'ACK2', 't_ave', 't_last', 'fail', 'cleanup', 'log', 'log10', 'ln',
  // Keys on the keyboard
  'Esc', 'Shift', 'Page', 'Up', 'Down', 'PageUp', 'PageDown', 'Space',
  // The scenario file's command line (the CLI stays English)
  'npm', 'run', 'sim', 'scenario', 'FILE',
]);

/** Command lines the page shows verbatim (marked translate="no"): the CLI stays English in both languages. */
const VERBATIM = '[translate="no"]';

/** Every run of two or more Latin letters that is not on the allow-list (single letters are variables: k, R, F, A, B, v). */
function englishWords(text: string): string[] {
  const stripped = text.replace(/https?:\/\/\S+/g, ' ').replace(/gossip-lab\.[\w.-]+/g, ' ');
  return [...new Set(stripped.match(/[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]/g) ?? [])].filter((w) => !ALLOWED.has(w) && !/^v\d+$/.test(w));
}

/** What the page shows now: its visible text, and the names, titles and placeholders of every visible element. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate((verbatim) => {
    const skipped = Array.from(document.querySelectorAll<HTMLElement>(verbatim));
    let body = document.body.innerText;
    for (const el of skipped) if (el.innerText) body = body.replace(el.innerText, ' ');
    const parts = [body];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder], [aria-description]'))) {
      if (skipped.some((o) => o.contains(el))) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0 && el.tagName !== 'DIALOG') continue; // hidden: folded drawer panels, other modes
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-description']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  }, VERBATIM);
}

/** Asserts that the page as shown now holds no English; `where` names the view in the failure. */
async function expectChinese(page: Page, where: string): Promise<void> {
  // Folded settings groups too: their summaries and contents.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const text = await shownText(page);
  expect(text, `${where}: Chinese text is shown`).toMatch(/[\u4e00-\u9fff]/);
  // The lines that hold English, so a failure says where it is.
  const lines = text.split('\n').filter((line) => englishWords(line).length > 0);
  expect(lines, `${where}: English words on the page`).toEqual([]);
}

/** Opens a side-drawer tab (both modes) unless it shows already. */
async function showTab(page: Page, name: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await expect(async () => {
    if (!(await panel.isVisible())) await page.getByRole('tab', { name, exact: true }).click();
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function openChinese(page: Page, path = '/?lang=zh'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('status').first()).toHaveText(/^第 0 轮/);
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeEnabled();
}

test.describe('Chinese, the whole page', () => {
  test('?lang=zh: both modes, every drawer tab, a preset, presenter mode and the dialogs show no English', async ({ page }) => {
    await openChinese(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectChinese(page, 'dissemination, drawer folded');

    // A preset playing: its caption, the rumor measures, the legend, the inspector.
    await page.getByRole('button', { name: '谣言消亡（残留）', exact: true }).click();
    await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeVisible();
    await expect.poll(async () => Number(/第 (\d+) 轮/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    const spreadTabs = await page.getByRole('tablist', { name: '详情面板' }).getByRole('tab').allInnerTexts();
    expect(spreadTabs.length).toBeGreaterThanOrEqual(3);
    for (const tab of spreadTabs.map((x) => x.replace(/\s+/g, ''))) {
      await showTab(page, tab);
      await expectChinese(page, `dissemination, ${tab} tab`);
    }

    // A cut network: the partition tools and the status line's groups.
    await showTab(page, '详情');
    await page.getByRole('button', { name: '对半切分', exact: true }).click();
    await expect(page.getByRole('group', { name: '分组之间的链路' })).toBeVisible();
    await expectChinese(page, 'dissemination, partitioned');

    // The keyboard shortcuts dialog.
    await page.getByRole('button', { name: '键盘快捷键', exact: true }).click();
    const shortcuts = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(shortcuts).toBeVisible();
    await expectChinese(page, 'shortcuts dialog');
    await shortcuts.getByRole('button', { name: '关闭', exact: true }).click();
    await expect(shortcuts).toHaveCount(0);

    // Presenter mode and its share dialog (QR code).
    await page.getByRole('button', { name: '演示模式', exact: true }).click();
    const stage = page.getByRole('region', { name: '演示模式' });
    await expect(stage).toBeVisible();
    await expectChinese(page, 'presenter mode');
    await stage.getByRole('button', { name: '分享给全班', exact: true }).click();
    const share = page.getByRole('dialog', { name: '分享给全班' });
    await expect(share.getByRole('img', { name: '本次运行链接的二维码' })).toBeVisible();
    await expectChinese(page, 'share with the class');
    await share.getByRole('button', { name: '关闭', exact: true }).click();
    await stage.getByRole('button', { name: '退出', exact: true }).click();
    await expect(stage).toHaveCount(0);

    // Membership mode: its controls, drawer tabs, a preset, and its presenter mode.
    await page.getByRole('tab', { name: '成员管理', exact: true }).click();
    await expect(page.getByRole('tab', { name: '成员管理', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('status').first()).toHaveText(/^第 0 轮/);
    await expectChinese(page, 'membership');
    await page.getByRole('button', { name: '检测崩溃节点（SWIM）', exact: true }).click();
    await expect.poll(async () => Number(/第 (\d+) 轮/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(6);
    const membershipTabs = await page.getByRole('tablist', { name: '成员管理详情面板' }).getByRole('tab').allInnerTexts();
    expect(membershipTabs.length).toBeGreaterThanOrEqual(2);
    for (const tab of membershipTabs.map((x) => x.replace(/\s+/g, ''))) {
      await showTab(page, tab);
      await expectChinese(page, `membership, ${tab} tab`);
    }
    await page.getByRole('button', { name: '矩阵', exact: true }).click();
    await expectChinese(page, 'membership, matrix view');
    await page.keyboard.press('f');
    await expect(page.getByRole('region', { name: '演示模式' })).toBeVisible();
    await expectChinese(page, 'membership presenter mode');
  });
});

test.describe('Chinese, the sweep dialog', () => {
  test('?lang=zh: the sweep dialog, a refusal, a finished sweep and its exports show no English', async ({ page }, testInfo) => {
    await openChinese(page);
    await page.getByRole('button', { name: /^参数扫描…/ }).click();
    const dialog = page.getByRole('dialog', { name: '参数扫描' });
    await expect(dialog).toBeVisible();
    await expectChinese(page, 'sweep dialog');

    // Every parameter's name (the options of the select, and the form each one brings).
    const params = dialog.getByRole('combobox', { name: '参数', exact: true });
    const options = await params.locator('option').allTextContents();
    expect(options.flatMap(englishWords), 'parameter names').toEqual([]);
    await params.selectOption('protocol');
    await expect(dialog.getByRole('group', { name: '协议' })).toBeVisible();
    await expectChinese(page, 'sweep dialog, protocols');
    await params.selectOption('loss');
    await expect(dialog.getByRole('spinbutton', { name: '起始值（%）' })).toBeVisible();

    // A refusal from src/lab, worded in Chinese with its numbers.
    await params.selectOption('fanout');
    await dialog.getByRole('spinbutton', { name: '起始值', exact: true }).fill('4');
    await dialog.getByRole('spinbutton', { name: '终止值', exact: true }).fill('1');
    await dialog.getByRole('button', { name: '开始扫描', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('扇出：范围颠倒了（从 4 到 1）；请把较小的值放在前面。');
    await expectChinese(page, 'sweep dialog, a refusal');

    // A small sweep to its end: progress, charts, table, exports (the CLI commands stay English).
    await dialog.getByRole('spinbutton', { name: '起始值', exact: true }).fill('1');
    await dialog.getByRole('spinbutton', { name: '终止值', exact: true }).fill('4');
    await dialog.getByRole('spinbutton', { name: '步数', exact: true }).fill('4');
    await dialog.getByRole('spinbutton', { name: '每点试验次数', exact: true }).fill('5');
    await dialog.getByRole('button', { name: '开始扫描', exact: true }).click();
    await expect(dialog.getByRole('progressbar', { name: '扫描进度' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
    await expect(dialog.getByText(/已完成 20 \/ 20 次试验，用时/)).toBeVisible();
    await expect(dialog.getByRole('table').locator('tbody tr')).toHaveCount(4);
    await expect(dialog.getByRole('button', { name: '导出 CSV', exact: true })).toBeEnabled();
    await expectChinese(page, 'sweep dialog, a finished sweep');
    await expect(dialog.getByLabel('等价的命令行命令')).toContainText('npm run --silent sim -- ');
    await page.screenshot({ path: testInfo.outputPath('sweep-zh.png') });
  });
});

test.describe('choosing the language', () => {
  test('the Language switch changes the page at once, without a reload, and the choice survives one', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Presenter mode', exact: true })).toBeVisible();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh');
    await expect(page.getByRole('button', { name: '演示模式', exact: true })).toBeVisible();
    await expect(page.getByRole('status').first()).toHaveText(/^第 \d+ 轮/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), 'no reload').toBe(true);

    await page.reload();
    await expect(page.getByRole('button', { name: '演示模式', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '语言', exact: true })).toHaveValue('zh');

    await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
    await expect(page.getByRole('button', { name: 'Presenter mode', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('?lang=en overrides a remembered Chinese', async ({ page }) => {
    await openChinese(page);
    await page.goto('/');
    await expect(page.getByRole('button', { name: '演示模式', exact: true })).toBeVisible();
    await page.goto('/?lang=en');
    await expect(page.getByRole('button', { name: 'Presenter mode', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('an English browser gets English on a first visit', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status').first()).toHaveText(/^Round 0 · /);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets Chinese on a first visit', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: '演示模式', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
  });
});
