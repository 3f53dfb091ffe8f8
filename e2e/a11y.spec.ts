import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { MembershipLab } from './helpers/membership';

/** Critical and serious axe-core violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  // Colours mid-transition (a theme switch fades) would be measured half way: let them finish.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('accessibility (axe-core: no critical or serious violations)', () => {
  test('dissemination: page, dark theme, presenter mode, dialogs', async ({ lab, page }) => {
    expect(await violations(page), 'default page').toEqual([]);
    await lab.step(2);
    await lab.button('Split in halves').click();
    expect(await violations(page), 'partitioned').toEqual([]);
    // Every tab of the side drawer, in each theme.
    for (const tab of ['Details', 'Timeline', 'Charts']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel', { name: tab, exact: true })).toBeVisible();
      expect(await violations(page), `${tab} panel`).toEqual([]);
    }
    await lab.button('Theme').click();
    expect(await violations(page), 'dark theme').toEqual([]);
    await lab.button('Theme').click();
    await page.getByRole('button', { name: 'High contrast' }).click();
    expect(await violations(page), 'high contrast').toEqual([]);
    await page.getByRole('button', { name: 'High contrast' }).click();
    await page.getByRole('button', { name: /^Sweep a parameter/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await violations(page), 'sweep dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await lab.button('Presenter mode').click();
    expect(await violations(page), 'presenter mode').toEqual([]);
    await page.getByRole('button', { name: 'Share with the class' }).click();
    await expect(page.getByRole('dialog', { name: 'Share with the class' })).toBeVisible();
    expect(await violations(page), 'share dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violations(page), 'shortcuts dialog').toEqual([]);
  });

  test('membership: graph, matrix, a crash, presenter mode', async ({ lab, page }, testInfo) => {
    const m = new MembershipLab(lab.page, testInfo);
    await m.open();
    expect(await violations(page), 'membership page').toEqual([]);
    await m.select(4);
    await m.button('Crash').click();
    await m.step(3);
    expect(await violations(page), 'after a crash').toEqual([]);
    await m.button('Matrix').click();
    expect(await violations(page), 'matrix view').toEqual([]);
    for (const tab of ['Details', 'Charts']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      expect(await violations(page), `membership ${tab} panel`).toEqual([]);
    }
    await m.button('Graph').click();
    await m.button('Presenter mode').click();
    expect(await violations(page), 'membership presenter mode').toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('pick a node by id, crash it, split the network and heal it — no mouse', async ({ lab, page }) => {
    const press = async (name: string) => {
      const b = lab.button(name);
      await b.focus();
      await expect(b).toBeFocused();
      await page.keyboard.press('Enter');
    };
    // The inspector is in the side drawer: its Details tab opens from the keyboard.
    const details = page.getByRole('tab', { name: 'Details', exact: true });
    await details.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tabpanel', { name: 'Details', exact: true })).toBeVisible();
    const inspect = page.getByRole('spinbutton', { name: 'Inspect node', exact: true });
    await inspect.focus();
    await page.keyboard.type('7');
    await expect(lab.inspector.getByText('Node 7', { exact: true })).toBeVisible();
    await press('Crash');
    await expect(page.getByText('1 crashed', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await lab.expectRound(1);
    await press('Split in halves');
    await expect(page.getByText(/^Partitioned/)).toBeVisible();
    await press('Heal');
    await expect(page.getByText(/^Partitioned/)).toHaveCount(0);
    // The focus is always visible: a control focused from the keyboard looks different.
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
    };
    const step = lab.button('Step');
    const blurred = await step.evaluate(look);
    await step.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(step).toBeFocused();
    expect(await step.evaluate(look)).not.toBe(blurred);
  });
});
