import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { copyLink, freshPage, waitCaughtUp } from './helpers/travel';

/** The Compare table's kept runs: each a row group of its name (the Open button, and ✕) and its figures. */
const keptRows = (lab: GossipLab) => lab.page.getByRole('table').getByRole('rowgroup').filter({ has: lab.page.getByRole('button', { name: /^Open / }) });

/** Rounds to 50 / 99 / 100 % of a kept run, as its table row shows them. */
async function roundsOf(lab: GossipLab, label: string): Promise<number[]> {
  const row = keptRows(lab).filter({ has: lab.page.getByRole('button', { name: `Open ${label} in the graph`, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).slice(0, 3).map(Number);
}

/** The Charts tab shows three kept runs named fanout 1, 2, 3, each with its curve and its figures. */
async function expectThreeKept(lab: GossipLab): Promise<void> {
  await lab.showPanel('Charts');
  await expect(keptRows(lab)).toHaveCount(3);
  for (const f of [1, 2, 3]) await expect(lab.page.getByRole('button', { name: `Open fanout ${f} in the graph`, exact: true })).toBeVisible();
  // Every kept run's curve is recomputed (no row still "running…") and named in the chart's summary.
  await expect(lab.page.getByRole('table')).not.toContainText('running…');
  const informed = lab.page.getByRole('region', { name: 'Informed nodes per round' });
  await expect(informed.getByRole('img')).toHaveAttribute('aria-label', /kept runs: fanout 1 100% at round \d+; fanout 2 100% at round \d+; fanout 3 100% at round \d+/);
  // Three kept curves, each dashed its own way, besides the current run's solid line (theory steps aside).
  const dashes = await informed.locator('svg[role="img"] path[stroke-dasharray]').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray')));
  expect(new Set(dashes).size).toBe(3);
  for (const f of [1, 2, 3]) await expect(informed.locator('li').filter({ hasText: new RegExp(`^fanout ${f}$`) })).toHaveCount(1);
}

test.describe('compare', () => {
  test('three kept runs (fanout 1, 2, 3): labelled curves and a table, kept across a reload and in the share link', async ({ lab, page, browser, pageProblems }) => {
    await lab.showPanel('Charts');
    for (const fanout of ['1', '2', '3']) {
      await lab.resetWith({ Fanout: fanout });
      await lab.button('Keep run').click();
      await expect(page.getByText(new RegExp(`^Run kept \\(${fanout} of 6\\)`))).toBeVisible();
    }
    await expectThreeKept(lab);
    // A larger fanout reaches everyone sooner.
    const [one, three] = [await roundsOf(lab, 'fanout 1'), await roundsOf(lab, 'fanout 3')];
    expect(three[2]).toBeLessThan(one[2]);
    expect(three[0]).toBeLessThanOrEqual(one[0]);
    await expect(page.getByRole('table').getByText('This run: fanout 3', { exact: true })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('Not played yet');
    await lab.shot('three-kept-1280x720');
    // The table and its buttons pass axe-core (critical and serious), in the drawer as it is.
    const axe = await new AxeBuilder({ page }).include('[role="tabpanel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await lab.page.getByRole('region', { name: 'Informed nodes per round' }).scrollIntoViewIfNeeded();
    await lab.shot('three-kept-1024x768');
    await page.getByRole('table').scrollIntoViewIfNeeded();
    await lab.shot('three-kept-table-1024x768');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.reload();
    await lab.waitReady();
    await expectThreeKept(lab);

    // The current run is the fanout-3 run kept last: played to its end, its figures are the kept run's.
    await lab.setSpeed(20);
    await lab.button('Play').click();
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/, { timeout: 30_000 });
    const thisRun = page.getByRole('table').getByRole('rowgroup').filter({ hasText: 'This run: fanout 3' });
    const keptThree = keptRows(lab).filter({ has: page.getByRole('button', { name: 'Open fanout 3 in the graph', exact: true }) });
    expect(await thisRun.getByRole('cell').allTextContents()).toEqual(await keptThree.getByRole('cell').allTextContents());
    expect(await roundsOf(lab, 'fanout 3')).toEqual(three);
    await lab.shot('played-table');

    const { round } = await lab.reading();
    const url = await copyLink(lab);
    const other = new GossipLab(await freshPage(browser, pageProblems), test.info());
    await other.page.goto(url);
    await waitCaughtUp(other, round);
    await expectThreeKept(other);
    expect(await roundsOf(other, 'fanout 1')).toEqual(one);
    await other.page.context().close();
  });

  test('a kept run reopens in the graph with one click, is removed with ✕, and a seventh is refused', async ({ lab, page }) => {
    await lab.showPanel('Charts');
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      await lab.resetWith({ Seed: seed });
      await lab.button('Keep run').click();
    }
    await expect(keptRows(lab)).toHaveCount(6);
    await lab.button('Keep run').click();
    await expect(page.getByText('At most 6 runs are kept: remove one to keep this run.')).toBeVisible();
    await expect(keptRows(lab)).toHaveCount(6);

    await page.getByRole('button', { name: 'Remove kept run seed 6', exact: true }).click();
    await expect(keptRows(lab)).toHaveCount(5);
    await page.getByRole('button', { name: 'Open seed 2 in the graph', exact: true }).click();
    await expect(lab.field('Seed')).toHaveValue('2');
    await lab.waitReady();
    await lab.button('Keep run').click();
    await expect(keptRows(lab)).toHaveCount(6);
  });
});
