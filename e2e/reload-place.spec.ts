import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { MembershipLab } from './helpers/membership';

/**
 * A reload puts the user back where they were (issue 16): the mode shown, both runs, both
 * speeds, and the play state — a run that was playing comes back paused, saying so. Two tabs
 * of the page each keep their own run across reloads; a new tab opens the run saved last.
 */

const RUN_KEY = 'gossip-lab:last-run:v1';
const PLACE_KEY = 'gossip-lab:place:v1';

/** This tab has saved its run at `round`, and the shared storage holds this tab's run and place (it wrote last). */
async function savedHere(page: Page, round: number): Promise<void> {
  await expect.poll(() => page.evaluate(([runKey, placeKey, r]) => {
    const mine = sessionStorage.getItem(runKey as string);
    const place = sessionStorage.getItem(placeKey as string);
    const same = mine !== null && mine === localStorage.getItem(runKey as string) && place === localStorage.getItem(placeKey as string);
    return same && (JSON.parse(place ?? '{}') as { spread?: { round?: number } }).spread?.round === r;
  }, [RUN_KEY, PLACE_KEY, round] as const)).toBe(true);
}

test.describe('a reload', () => {
  test('restores the mode, the membership run, both speeds and the round; a playing run comes back paused and says so', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '90' });
    await lab.setSpeed(7);
    await lab.step(3);

    const m = new MembershipLab(page, test.info());
    await m.open();
    await m.field('Nodes').fill('30');
    await m.waitReady();
    await m.setSpeed(5);
    await m.button('Play').click();
    await expect.poll(async () => (await m.reading()).round).toBeGreaterThan(3);

    await page.reload();
    await expect(m.tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText(/It was playing: it waits paused/)).toBeVisible();
    await expect(m.button('Play')).toBeEnabled();
    // Paused: nothing moves until the user presses Play.
    await expect(m.button('Pause')).toHaveCount(0);
    await expect.poll(async () => (await m.reading()).round).toBeGreaterThan(3);
    await expect(m.field('Nodes')).toHaveValue('30');
    await expect(page.getByRole('slider', { name: 'Speed', exact: true })).toHaveValue('5');
    await m.shot('reloaded-in-membership-paused');

    await page.getByRole('tab', { name: 'Dissemination', exact: true }).click();
    await lab.expectRound(3);
    await expect(lab.field('Nodes')).toHaveValue('90');
    await expect(page.getByRole('slider', { name: 'Speed', exact: true })).toHaveValue('7');
  });

  test('two tabs keep their own runs across reloads; a new tab opens the run saved last', async ({ lab, page, context }) => {
    await lab.resetWith({ Nodes: '90' });
    await lab.step(2);
    await savedHere(page, 2);

    const pageB = await context.newPage();
    const b = new GossipLab(pageB, test.info());
    await pageB.goto('/');
    // A new tab opens the run saved last: tab A's.
    await expect(b.field('Nodes')).toHaveValue('90');
    await b.expectRound(2);
    await b.resetWith({ Nodes: '60' });
    await b.step(1);
    await savedHere(pageB, 1);
    // Tab A hears that another tab saved its run.
    await expect(page.getByText(/^Another tab of Gossip Lab saved its run/)).toBeVisible();

    await page.reload();
    await lab.expectRound(2);
    await expect(lab.field('Nodes')).toHaveValue('90');
    await savedHere(page, 2);

    await pageB.reload();
    await b.expectRound(1);
    await expect(b.field('Nodes')).toHaveValue('60');
    await savedHere(pageB, 1);

    const pageC = await context.newPage();
    await pageC.goto('/');
    await expect(new GossipLab(pageC, test.info()).field('Nodes')).toHaveValue('60');
    await pageB.close();
    await pageC.close();
  });
});
