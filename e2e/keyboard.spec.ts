import { expect, test } from './helpers/fixtures';

test.describe('keyboard shortcuts', () => {
  test('Space plays and pauses, → steps one round, R resets to Round 0', async ({ lab, page }) => {
    // Focus on the page itself, not on a control.
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    await page.keyboard.press('Space');
    await expect(lab.runState).toHaveText('Playing');
    await expect(lab.button('Pause')).toBeVisible();
    await expect(lab.status).toHaveText(/^Round [2-9]/);
    await page.keyboard.press('Space');
    await expect(lab.runState).toHaveText('Paused');
    const { round } = await lab.reading();
    // At the default 2 rounds/s a missed pause would show within 0.7 s.
    await page.waitForTimeout(700);
    expect((await lab.reading()).round).toBe(round);
    await lab.shot('paused');

    await page.keyboard.press('ArrowRight');
    await lab.expectRound(round + 1);
    await page.waitForTimeout(700);
    await lab.expectRound(round + 1);
    await expect(lab.runState).toHaveText('Paused');
    await lab.shot('stepped');

    await page.keyboard.press('r');
    await lab.expectRound(0);
    await expect(lab.runState).toHaveText('Ready');
    await lab.shot('reset');
  });

  test('Space on a focused button means Play, not "press that button again"', async ({ lab, page }) => {
    await lab.button('Step').click();
    await lab.expectRound(1);
    await expect(lab.button('Step')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(lab.runState).toHaveText('Playing');
    await page.keyboard.press('Space');
    await expect(lab.runState).toHaveText('Paused');
  });

  test('the shortcuts do not fire while typing in the Nodes field', async ({ lab, page }) => {
    await lab.step(2);
    const nodes = lab.field('Nodes');
    await nodes.click();
    await expect(nodes).toBeFocused();
    for (const key of ['Space', 'ArrowRight', 'r', 'R']) await page.keyboard.press(key);
    await page.waitForTimeout(700);
    await lab.expectRound(2);
    await expect(lab.runState).toHaveText('Paused');
    await expect(nodes).toHaveValue('100');
    await expect(page.getByText('Settings changed')).toHaveCount(0);
    // Typing digits edits the field, and R only resets once focus leaves it.
    await nodes.press('End');
    await page.keyboard.type('5');
    await expect(nodes).toHaveValue('1005');
    await page.keyboard.press('Backspace');
    await expect(nodes).toHaveValue('100');
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    await page.keyboard.press('r');
    await lab.expectRound(0);
    await lab.shot('typed');
  });
});
