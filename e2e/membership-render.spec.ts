import type { Locator } from '@playwright/test';
import { expect, test as base } from './helpers/fixtures';
import { MembershipLab } from './helpers/membership';

/** Membership mode, as in membership.spec.ts: the page opens in Dissemination, then switches. */
const test = base.extend<{ m: MembershipLab }>({
  m: async ({ lab }, use, testInfo) => {
    const m = new MembershipLab(lab.page, testInfo);
    await m.open();
    await use(m);
  },
});

/**
 * Where node `i` of an n-node membership circle is on screen when the graph fits its region:
 * the shared renderer puts node i at angle 2πi/n from the top, clockwise, and fits the circle
 * with 34 px of margin (room for labels). `zoom` about the centre and `pan` move it as the view does.
 */
async function nodeAt(graph: Locator, i: number, n: number, zoom = 1, pan: [number, number] = [0, 0]): Promise<{ x: number; y: number }> {
  const box = (await graph.boundingBox())!;
  const r = ((Math.min(Math.floor(box.width), Math.floor(box.height)) - 68) / 2) * zoom;
  const a = (2 * Math.PI * i) / n - Math.PI / 2;
  return { x: box.x + box.width / 2 + r * Math.cos(a) + pan[0], y: box.y + box.height / 2 + r * Math.sin(a) + pan[1] };
}

/**
 * The inspector is in the side drawer: open it to read, then fold it again, so the graph keeps
 * the size (and the node positions) the geometry below assumes.
 */
async function inspectorSays(m: MembershipLab, text: string): Promise<void> {
  await m.showPanel('Details');
  await expect(m.inspector).toContainText(text);
  await m.page.getByRole('button', { name: 'Fold panels', exact: true }).click();
  await expect(m.page.getByRole('tabpanel', { name: 'Details', exact: true })).toBeHidden();
}

test.describe('membership through the shared renderer', () => {
  test('zoom, pan, click to inspect, Shift+click to crash, lasso and split line to partition', async ({ m, page }) => {
    await expect(m.clusterLine).toHaveText(/^SWIM · 100 nodes/);
    const graph = m.region('Membership graph');
    await expect(graph).toHaveAttribute('aria-description', /^Round 0\. 100 nodes, 0 crashed nodes\./);
    const box = (await graph.boundingBox())!;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;

    // A click on node 30 inspects it.
    const n30 = await nodeAt(graph, 30, 100);
    await page.mouse.click(n30.x, n30.y);
    await inspectorSays(m, "Node 30's view (up)");
    await expect(graph).toHaveAttribute('aria-description', /Node 30 selected\.$/);

    // The wheel zooms about the pointer (the centre): node 20 moves outward by e^(200·0.0015).
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -200);
    const zoom = Math.exp(0.3);
    const zoomed = await nodeAt(graph, 20, 100, zoom);
    await page.mouse.click(zoomed.x, zoomed.y);
    await inspectorSays(m, "Node 20's view (up)");

    // A drag on empty space (the circle's middle) pans the view.
    const pan: [number, number] = [-70, 45];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 8; s++) await page.mouse.move(cx + (pan[0] * s) / 8, cy + (pan[1] * s) / 8);
    await page.mouse.up();
    const panned = await nodeAt(graph, 15, 100, zoom, pan);
    await page.mouse.click(panned.x, panned.y);
    await inspectorSays(m, "Node 15's view (up)");
    await m.shot('zoomed-panned');

    // Shift+click crashes the node under the pointer.
    await page.keyboard.down('Shift');
    await page.mouse.click(panned.x, panned.y);
    await page.keyboard.up('Shift');
    await expect(m.status).toHaveText('Round 0 · 1 crashed · not yet detected · 0 false positives');
    await expect(graph).toHaveAttribute('aria-description', /1 crashed node/);

    // Fit, then a lasso around the right-hand side cuts those nodes off.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await m.button('Lasso').click();
    await expect(m.button('Lasso')).toHaveAttribute('aria-pressed', 'true');
    const right = await nodeAt(graph, 25, 100);
    const loop: [number, number][] = [[right.x - 60, right.y - 90], [right.x + 30, right.y - 90], [right.x + 30, right.y + 90], [right.x - 60, right.y + 90], [right.x - 60, right.y - 88]];
    await page.mouse.move(...loop[0]);
    await page.mouse.down();
    for (let k = 1; k < loop.length; k++) {
      const [x0, y0] = loop[k - 1], [x1, y1] = loop[k];
      for (let s = 1; s <= 6; s++) await page.mouse.move(x0 + ((x1 - x0) * s) / 6, y0 + ((y1 - y0) * s) / 6);
    }
    await page.mouse.up();
    await expect(page.getByText('Partitioned', { exact: true })).toBeVisible();
    await expect(m.button('Lasso')).toHaveAttribute('aria-pressed', 'false');
    await expect(graph).toHaveAttribute('aria-description', /network split/);
    await m.step(2);
    await m.shot('lassoed');

    // Heal, then a split line down the middle partitions again.
    await m.button('Heal').click();
    await expect(page.getByText('Partitioned', { exact: true })).toHaveCount(0);
    await m.button('Split').click();
    await page.mouse.move(cx + 5, box.y + 8);
    await page.mouse.down();
    for (let s = 1; s <= 8; s++) await page.mouse.move(cx + 5, box.y + 8 + ((box.height - 16) * s) / 8);
    await page.mouse.up();
    await expect(page.getByText('Partitioned', { exact: true })).toBeVisible();
    await m.shot('split-line');
  });
});
