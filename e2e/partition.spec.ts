import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';

const PARTITIONED_RE = /Partitioned: (\d+) \| (\d+) nodes/;

/** The two group sizes the status bar shows while the network is split. */
async function partitionSizes(lab: GossipLab): Promise<[number, number]> {
  const badge = lab.page.getByText(PARTITIONED_RE);
  await expect(badge).toBeVisible();
  const m = PARTITIONED_RE.exec((await badge.textContent()) ?? '')!;
  return [Number(m[1]), Number(m[2])];
}

/** A node of each group, found through the inspector's group line. */
async function oneNodePerGroup(lab: GossipLab, nodes: number): Promise<[number, number]> {
  await lab.inspect(0);
  const first = (await lab.inspected()).Group;
  expect(first).toMatch(/^group [12]$/);
  for (let n = 1; n < nodes; n++) {
    await lab.inspect(n);
    const g = (await lab.inspected()).Group;
    expect(g).toMatch(/^group [12]$/);
    if (g !== first) return [0, n];
  }
  throw new Error('every node is in the same group');
}

/** "v2 by node 17" from the inspector's Knows line of the selected node. */
async function versionOf(lab: GossipLab, node: number): Promise<string> {
  await lab.inspect(node);
  const knows = (await lab.inspected()).Knows;
  const m = /v\d+ by node \d+/.exec(knows);
  if (!m) throw new Error(`node ${node} knows no version: ${knows}`);
  return m[0];
}

test.describe('partitions', () => {
  test('Split in halves keeps each side on its own write until Heal joins them', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '40', Topology: 'complete', Seed: '5', Protocol: 'push-pull', Fanout: '1' });
    await lab.button('Split in halves').click();
    const [a, b] = await partitionSizes(lab);
    expect(a + b).toBe(40);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    await lab.shot('split');

    const [left, right] = await oneNodePerGroup(lab, 40);
    await lab.inspect(left);
    await lab.button('Write update').click();
    await lab.inspect(right);
    await lab.button('Write update').click();
    await lab.step(12);
    const [vLeft, vRight] = [await versionOf(lab, left), await versionOf(lab, right)];
    expect(vLeft).not.toBe(vRight);
    expect(vRight).toBe(`v${/^v(\d+)/.exec(vRight)![1]} by node ${right}`);
    expect(vLeft).toBe(`v${/^v(\d+)/.exec(vLeft)![1]} by node ${left}`);
    // Only one side can hold the newest version while the cut stands.
    const { informed } = await lab.reading();
    expect(informed).toBeGreaterThan(0);
    expect(informed).toBeLessThan(100);
    await expect(lab.runState).toHaveText('Paused');
    await lab.shot('two-versions');

    await lab.button('Heal').click();
    await expect(page.getByText('Network whole')).toBeVisible();
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.status).toHaveText(/Informed 100%$/);
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/);
    const winner = await versionOf(lab, left);
    expect([vLeft, vRight]).toContain(winner);
    expect(await versionOf(lab, right)).toBe(winner);
    await expect(lab.inspector.getByText('(latest)')).toBeVisible();
    await lab.shot('healed');
  });

  test('dragging a line across the graph in Split mode cuts it into two groups', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '60', Topology: 'random', Seed: '1', Degree: '4' });
    const split = lab.button('Split');
    await split.click();
    await expect(split).toHaveAttribute('aria-pressed', 'true');
    // Esc leaves split mode without cutting anything.
    await page.keyboard.press('Escape');
    await expect(split).toHaveAttribute('aria-pressed', 'false');
    await split.click();
    await expect(page.getByText('Drag a line across the graph')).toBeVisible();
    await lab.shot('split-mode');

    const box = (await lab.canvas.boundingBox())!;
    const x = box.x + box.width / 2;
    await page.mouse.move(x - 10, box.y + 4);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x - 10 + (20 * i) / 8, box.y + 4 + ((box.height - 8) * i) / 8);
    await page.mouse.up();

    const [a, b] = await partitionSizes(lab);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(a + b).toBe(60);
    await expect(split).toHaveAttribute('aria-pressed', 'false');
    await lab.shot('cut');
    await oneNodePerGroup(lab, 60);

    await lab.button('Heal').click();
    await expect(page.getByText('Network whole')).toBeVisible();
  });

  test('the Partition healing preset runs to the end and names the winning version', async ({ lab, page }) => {
    await lab.button('Partition healing').click();
    const story = page.getByRole('region', { name: 'Partition healing' });
    await expect(story).toBeVisible();
    await lab.shot('preset-loaded');
    await expect(lab.field('Nodes')).toHaveValue('60');
    // The preset pauses between its opening beats, then plays at its own slow speed.
    await expect(story).toContainText(/Node \d+ writes an update on .+, node \d+ a different one/, { timeout: 10_000 });
    const writers = /Node (\d+) writes an update on .+, node (\d+) a different one/.exec((await story.textContent()) ?? '')!;
    await lab.shot('writes');
    await expect(lab.button('Pause')).toBeVisible();
    await lab.setSpeed(8);

    await expect(story).toContainText('Press Heal', { timeout: 30_000 });
    await expect(story.locator('[aria-current="step"]')).toHaveText(/Both sides converged/);
    await expect(lab.button('Play')).toBeVisible();
    const { informed } = await lab.reading();
    expect(informed).toBeLessThan(100);
    await lab.shot('awaiting-heal');

    await lab.button('Heal').click();
    await expect(story).toContainText(/All 60 live nodes now hold (v\d+ by node \d+)\./, { timeout: 30_000 });
    await expect(lab.status).toHaveText(/Informed 100%$/);
    const caption = (await story.textContent()) ?? '';
    const winner = /now hold (v\d+ by node \d+)\./.exec(caption)![1];
    expect(caption).toMatch(/last-writer-wins|newest version|higher counter/);
    await lab.shot('healed');
    for (const node of [Number(writers[1]), Number(writers[2]), 0, 59]) {
      await lab.inspect(node);
      expect((await lab.inspected()).Knows).toBe(`${winner} (latest)`);
    }
  });
});
