import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';
import { countsLine, crashedCount, definitions, inFlightCount, panels } from './helpers/panels';
import { pixelsOfColor } from './helpers/pixels';

/** The Okabe–Ito vermillion the page draws dropped messages and a one-way cut's dropped way in. */
const DROPPED = '#D55E00';

const GROUPS_RE = /^Partitioned: ([\d |]+) nodes(?: \(\+(\d+) ungrouped\))?$/;

/** The group sizes the status bar shows, and the nodes left in no group. */
async function groupSizes(lab: GossipLab): Promise<{ groups: number[]; ungrouped: number }> {
  const badge = lab.page.getByText(GROUPS_RE);
  await expect(badge).toBeVisible();
  const m = GROUPS_RE.exec(((await badge.textContent()) ?? '').trim())!;
  return { groups: m[1].split('|').map((s) => Number(s.trim())), ungrouped: Number(m[2] ?? 0) };
}

/** Opens one of the folded settings groups (Rumor mongering, Network, Churn) by its title. */
async function openSettings(lab: GossipLab, title: string): Promise<void> {
  const summary = lab.page.locator('summary').filter({ has: lab.page.getByText(title, { exact: true }) });
  const details = summary.locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(details).toHaveAttribute('open', '');
}

test.describe('rumor mongering settings', () => {
  test('choosing Protocol rumor shows Interest, k and Anti-entropy, and the Rumor mongering panel', async ({ lab, page }) => {
    await expect(lab.select('Interest')).toHaveCount(0);
    await expect(lab.field('k')).toHaveCount(0);
    await lab.showPanel('Details'); // the Rumor mongering panel and the legend are in the side drawer
    await expect(panels(lab).rumor).toHaveCount(0);

    await lab.select('Protocol').selectOption('rumor');
    // The folded group opens by itself: rumor settings matter now.
    await expect(lab.select('Interest')).toBeVisible();
    await expect(lab.field('k')).toBeVisible();
    await expect(lab.field('Anti-entropy every')).toBeVisible();
    await expect(lab.select('Interest')).toHaveValue('feedback-counter');
    await lab.shot('rumor-settings');

    await lab.select('Interest').selectOption('blind-coin');
    await lab.setField('k', '3');
    await expect(page.getByText('Stop with probability 1/k = 3 after each push')).toBeVisible();
    await lab.button('Reset').click();
    await lab.waitReady();
    const rumor = panels(lab).rumor;
    await expect(rumor).toContainText('Spreading: 1 infective node.');
    await expect(panels(lab).legend).toContainText('infective: ringed, still spreading');
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(rumor).toContainText(/Epidemic over at round \d+: no node is infective\./, { timeout: 20_000 });
    expect((await definitions(rumor)).Infective).toBe('0');
    await lab.shot('rumor-over');
  });
});

test.describe('network delay and churn', () => {
  test('Delay uniform 2–4 keeps messages in flight: nothing sent in round 1 arrives in round 1', async ({ lab }) => {
    await lab.resetWith({ Nodes: '50', Topology: 'complete', Seed: '1', Protocol: 'push-pull' });
    await openSettings(lab, 'Network');
    await lab.select('Delay').selectOption('uniform');
    await lab.setField('Delay min', '2');
    await lab.setField('Delay max', '4');
    await lab.button('Reset').click();
    await lab.waitReady();
    await expect(lab.field('Delay min')).toHaveValue('2');
    await expect(lab.field('Delay max')).toHaveValue('4');
    const start = (await lab.reading()).informed;

    await lab.step(1);
    await expect(lab.page.getByText(/^[\d,]+ in flight$/)).toBeVisible();
    expect(await inFlightCount(lab)).toBeGreaterThan(0);
    expect((await lab.reading()).informed).toBe(start);
    await lab.shot('in-flight');

    // By round 4 the first messages (2 rounds at least) have landed.
    await lab.step(3);
    expect((await lab.reading()).informed).toBeGreaterThan(start);
    expect(await inFlightCount(lab)).toBeGreaterThan(0);
  });

  test('a crash rate above 0 crashes nodes as the run goes', async ({ lab }) => {
    await lab.resetWith({ Nodes: '100', Topology: 'complete', Seed: '1', Protocol: 'push' });
    await openSettings(lab, 'Churn');
    await lab.setField('Crash rate', '5');
    await lab.button('Reset').click();
    await lab.waitReady();
    await expect(lab.field('Crash rate')).toHaveValue('5');
    expect(await crashedCount(lab)).toBe(0);
    await lab.step(3);
    await expect(countsLine(lab)).not.toContainText(' 0 crashed');
    const crashed = await crashedCount(lab);
    expect(crashed).toBeGreaterThan(0);
    await expect(lab.page.getByText(`${100 - crashed} live`, { exact: true })).toBeVisible();
    await expect(lab.canvas).toHaveAttribute('aria-description', new RegExp(`${crashed} crashed`));
    await lab.shot('churn');
  });
});

test.describe('partition tools', () => {
  test('a lasso drawn around part of the graph cuts those nodes off as a group', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '40', Topology: 'complete', Seed: '1' });
    const lasso = lab.button('Lasso');
    await lasso.click();
    await expect(lasso).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Draw a loop around the nodes to cut off · Esc cancels')).toBeVisible();

    // A loop around the right half of the drawing (the buttons sit bottom right: keep clear).
    const box = (await lab.canvas.boundingBox())!;
    const [x0, x1, y0, y1] = [box.x + box.width * 0.52, box.x + box.width * 0.8, box.y + box.height * 0.12, box.y + box.height * 0.8];
    const corners: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i < corners.length; i++) {
      const [[ax, ay], [bx, by]] = [corners[i - 1], corners[i]];
      for (let s = 1; s <= 6; s++) await page.mouse.move(ax + ((bx - ax) * s) / 6, ay + ((by - ay) * s) / 6);
    }
    await page.mouse.up();

    const { groups, ungrouped } = await groupSizes(lab);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toBeGreaterThan(0);
    expect(groups[0]).toBeLessThan(40);
    expect(groups[0] + ungrouped).toBe(40);
    await expect(lasso).toHaveAttribute('aria-pressed', 'false');
    await lab.showPanel('Timeline');
    await expect(panels(lab).timeline).toContainText(`isolate ${groups[0]} nodes (lasso)`);
    await lab.shot('lasso');
  });

  test('Split into 3 groups cuts the graph into three', async ({ lab }) => {
    await lab.resetWith({ Nodes: '60', Topology: 'complete', Seed: '1' });
    await lab.field('Split into').fill('3');
    await lab.button('Split into groups').click();
    const { groups, ungrouped } = await groupSizes(lab);
    expect(groups).toHaveLength(3);
    expect(ungrouped).toBe(0);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(60);
    for (const g of groups) expect(g).toBeGreaterThanOrEqual(15);
    await expect(lab.select('Group A').locator('option')).toHaveCount(3);
    await expect(lab.canvas).toHaveAttribute('aria-description', /partitioned into 3 groups/);
    await lab.shot('three-groups');
  });

  test('Block A → B only, after a split, marks a one-way cut', async ({ lab, page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await lab.resetWith({ Nodes: '40', Topology: 'complete', Seed: '1' });
    await lab.button('Split in halves').click();
    await expect(page.getByText('1 → 2 open · 2 → 1 blocked')).toHaveCount(0);
    await expect(page.getByText('1 → 2 blocked · 2 → 1 blocked')).toBeVisible();
    const before = await pixelsOfColor(lab.canvas, DROPPED);

    await lab.button('Block A → B only').click();
    await expect(page.getByText('1 → 2 blocked · 2 → 1 open')).toBeVisible();
    // Said in the status bar (wide screens), the legend, the timeline, and drawn on the graph.
    await expect(page.getByText(/^Partitioned: 20 \| 20 nodes · one-way: 1 → 2 cut$/)).toBeVisible();
    await lab.showPanel('Details');
    await expect(panels(lab).legend).toContainText('one-way cut: solid arrow passes, dashed ✕ drops');
    await lab.showPanel('Timeline');
    await expect(panels(lab).timeline).toContainText('open group 2 → group 1');
    await expect.poll(() => pixelsOfColor(lab.canvas, DROPPED)).toBeGreaterThan(before + 40);
    await lab.shot('one-way');

    // Blocking both ways again takes the mark away.
    await lab.button('Block both ways').click();
    await expect(page.getByText('1 → 2 blocked · 2 → 1 blocked')).toBeVisible();
    await lab.showPanel('Details');
    await expect(panels(lab).legend).not.toContainText('one-way cut');
  });
});

test.describe('the timeline', () => {
  test('an entry added with the form runs at its round', async ({ lab }) => {
    await lab.resetWith({ Nodes: '30', Topology: 'complete', Seed: '1' });
    await lab.showPanel('Timeline');
    const form = lab.page.getByRole('form', { name: 'Add to the timeline' });
    await form.getByRole('spinbutton', { name: 'At round', exact: true }).fill('3');
    await form.getByRole('combobox', { name: 'Action', exact: true }).selectOption('crash');
    await form.getByRole('spinbutton', { name: 'Node', exact: true }).fill('5');
    await form.getByRole('button', { name: 'Add to timeline', exact: true }).click();

    const entry = lab.page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'crash node 5' });
    await expect(entry).toContainText('round 3');
    await expect(entry).toContainText('in 3 rounds');
    await lab.shot('scheduled');

    await lab.step(2);
    await expect(entry).toContainText('in 1 round');
    expect(await crashedCount(lab)).toBe(0);
    await lab.step(1);
    await expect(entry).toContainText('done');
    await expect(lab.page.getByText('1 crashed', { exact: true })).toBeVisible();
    await lab.inspect(5);
    expect((await lab.inspected()).Alive).toBe('no — crashed');
    await lab.shot('ran');
  });
});
