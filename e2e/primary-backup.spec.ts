import { expect, test } from './helpers/fixtures';

/**
 * Primary-backup in the page: 50 nodes, fanout 5, origin 0. The primary informs replicas
 * 1–5 in round 1, 6–10 in round 2, … so everyone holds the update after ⌈49/5⌉ = 10 rounds.
 * Crashed after round 3 (16 holders: the primary and replicas 1–15), it sends nothing more:
 * the next round played pauses with 15 of the 49 live nodes informed and 34 never reached.
 */
test.describe('primary-backup', () => {
  test('is offered in the Protocol select, with its help, and converges at round 10', async ({ lab, page }) => {
    await lab.select('Protocol').selectOption('primary-backup');
    const help = page.getByText(/^Not gossip: the primary \(the origin\) sends the update itself/);
    await expect(help).toBeVisible();
    await expect(lab.select('Protocol')).toHaveAccessibleDescription(/^Not gossip:/);
    await lab.resetWith({ Nodes: '50', Fanout: '5', Seed: '1' });
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.runState).toHaveText('Everyone informed at round 10', { timeout: 30_000 });
    await expect(lab.status).toHaveText(/^Round 10 · Informed 100%/);
    await expect(page.getByText('busiest node sent 4 (49 in all)')).toBeVisible();
    await lab.shot('primary-backup-converged');
    // The chart draws the exact curve min(1, (1 + b·r)/n) beside the run, which follows it.
    await lab.showPanel('Charts');
    await expect(page.getByText('Exact curve (1 + b·r)/n: the primary informs b = 5 replicas a round.').first()).toBeVisible();
    await lab.shot('primary-backup-chart');
  });

  test('a primary crash at round 3 ends the run with 15 of 49 live nodes informed', async ({ lab, page }) => {
    await lab.select('Protocol').selectOption('primary-backup');
    await lab.resetWith({ Nodes: '50', Fanout: '5', Seed: '1' });
    await lab.step(3);
    await expect(lab.status).toHaveText(/^Round 3 · Informed 32%/); // 16 of 50
    await expect(page.getByText('busiest node sent 5 (15 in all)')).toBeVisible();
    await lab.inspect(0);
    await lab.inspector.getByRole('button', { name: 'Crash', exact: true }).click();
    await expect(page.getByText(/^49 live/)).toBeVisible();
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(page.getByText('Nothing more can spread after round 4: 34 of 49 live nodes cannot be reached. Paused.')).toBeVisible({ timeout: 30_000 });
    await expect(lab.status).toHaveText(/^Round 4 · Informed 31%/); // 15 of 49
    await expect(lab.button('Play')).toBeVisible();
    await lab.shot('primary-backup-crashed');
    await page.setViewportSize({ width: 1024, height: 768 });
    await lab.shot('primary-backup-crashed-1024');
  });

  test('in Chinese the protocol and its help read in Chinese', async ({ page, lab }) => {
    await page.goto('/?lang=zh');
    const protocol = page.getByRole('combobox', { name: '协议', exact: true });
    await expect(protocol).toBeEnabled();
    await protocol.selectOption('primary-backup');
    await expect(protocol.locator('option:checked')).toHaveText('主备复制');
    await expect(page.getByText(/^这不是 Gossip：主节点/)).toBeVisible();
    await lab.shot('primary-backup-zh');
  });
});
