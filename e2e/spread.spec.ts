import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';

test.describe('spreading', () => {
  for (const topology of ['complete', 'random'] as const) {
    test(`Play informs every node of a connected ${topology} graph of 200 and pauses itself`, async ({ lab }) => {
      // Seed 1 gives a connected random graph at 200 nodes and degree 6.
      await lab.resetWith({ Nodes: '200', Topology: topology, Seed: '1', Fanout: '1', Protocol: 'push' });
      await lab.shot('ready');
      await lab.setSpeed(30);
      await lab.button('Play').click();
      await expect(lab.button('Pause')).toBeVisible();
      await expect(lab.status).toHaveText(/Informed 100%$/);
      await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/);
      // It paused itself: the toggle reads Play again and the round stays put.
      await expect(lab.button('Play')).toBeVisible();
      const { round } = await lab.reading();
      expect(round).toBeGreaterThan(3);
      await expect(lab.runState).toHaveText(`Everyone informed at round ${round}`);
      await lab.page.waitForTimeout(400);
      expect((await lab.reading()).round).toBe(round);
      await lab.shot('converged');
    });
  }

  test('on a disconnected random graph the update stops short of 100 %, and the run pauses itself saying why', async ({ lab }) => {
    // Seed 3 at 200 nodes and degree 6 leaves one node outside the big component.
    await lab.resetWith({ Nodes: '200', Topology: 'random', Seed: '3', Fanout: '1', Protocol: 'push' });
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.status).toHaveText(/Informed 99\.5%$/);
    // …and the page says why: the node is in another piece of the graph.
    await expect(lab.page.getByText('1 unreachable', { exact: true })).toBeVisible();
    // Nothing more can spread: it pauses by itself instead of playing empty rounds for ever.
    await expect(lab.page.getByText(/^Nothing more can spread after round \d+: 1 of 200 live nodes cannot be reached\. Paused\.$/)).toBeVisible();
    await expect(lab.button('Play')).toBeVisible();
    await expect(lab.runState).toHaveText('Paused');
    const { round } = await lab.reading();
    await lab.page.waitForTimeout(400);
    expect((await lab.reading()).round).toBe(round);
    await lab.shot('stuck');
  });

  test('a crashed node stops sending, and Recover brings it back', async ({ lab }) => {
    // Push-pull: every live node sends each round, informed or not.
    await lab.resetWith({ Nodes: '50', Topology: 'complete', Seed: '2', Protocol: 'push-pull' });
    await lab.inspect(7);
    expect((await lab.inspected()).Alive).toBe('yes');
    await lab.step(2);
    const before = await lab.sentCount();
    expect(before).toBeGreaterThan(0);
    await lab.shot('selected');

    await lab.button('Crash').click();
    await expect(lab.button('Recover')).toBeVisible();
    await expect(lab.inspector.getByText('no — crashed')).toBeVisible();
    await expect(lab.page.getByText('1 crashed', { exact: true })).toBeVisible();
    await lab.step(4);
    expect(await lab.sentCount()).toBe(before);
    await lab.shot('crashed');

    await lab.button('Recover').click();
    await expect(lab.button('Crash')).toBeVisible();
    expect((await lab.inspected()).Alive).toBe('yes');
    await expect(lab.page.getByText('0 crashed', { exact: true })).toBeVisible();
    await lab.step(2);
    expect(await lab.sentCount()).toBeGreaterThan(before);
    await lab.shot('recovered');
  });

  test('Shift+click on a node in the graph crashes it', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '20', Topology: 'ring', Seed: '1', Degree: '2' });
    await lab.showPanel('Details'); // the inspector, which names the node found, is in the side drawer
    const node = await findNodeOnCanvas(lab);
    await page.keyboard.down('Shift');
    await page.mouse.click(node.x, node.y);
    await page.keyboard.up('Shift');
    await expect(page.getByText('1 crashed', { exact: true })).toBeVisible();
    // Shift+click does not move the selection: the inspector still shows that node, now down.
    await expect(lab.inspector.getByText(`Node ${node.node}`, { exact: true })).toBeVisible();
    await expect(lab.inspector.getByText('no — crashed')).toBeVisible();
    await expect(lab.canvas).toHaveAttribute('aria-description', /1 crashed/);
    await lab.shot('shift-click');
  });
});

/** Clicks across the canvas until the inspector shows a node; returns where it was. */
async function findNodeOnCanvas(lab: GossipLab): Promise<{ x: number; y: number; node: number }> {
  const box = (await lab.canvas.boundingBox())!;
  for (let gy = 0.15; gy < 0.9; gy += 0.035) {
    for (let gx = 0.15; gx < 0.9; gx += 0.035) {
      const x = box.x + box.width * gx, y = box.y + box.height * gy;
      await lab.page.mouse.click(x, y);
      const title = lab.inspector.getByText(/^Node \d+$/);
      if (await title.isVisible()) return { x, y, node: Number(((await title.textContent()) ?? '').slice(5)) };
    }
  }
  throw new Error('no node found on the canvas');
}
