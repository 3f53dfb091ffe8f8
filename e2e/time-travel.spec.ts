import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { copyLink, freshPage, hashAt, seek, stateHash, timeline, waitCaughtUp } from './helpers/travel';

test.describe('time travel', () => {
  test('seeking forward and back over a long run shows exactly the states of the straight run', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '200', Protocol: 'push-pull', 'Packet loss': '20', Seed: '3' });
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    // The straight run: every round's state as it is first computed (→ steps one round).
    const straight = [await hashAt(lab, 0)];
    for (let r = 1; r <= 70; r++) {
      if (r === 20) {
        await lab.button('Split in halves').click();
        await expect(page.getByText(/^Partitioned/)).toBeVisible();
        straight[19] = await stateHash(page);
      }
      if (r === 45) {
        await lab.button('Heal').click();
        await expect(page.getByText('Network whole', { exact: true })).toBeVisible();
        straight[44] = await stateHash(page);
      }
      await page.keyboard.press('ArrowRight');
      straight.push(await hashAt(lab, r));
    }
    await lab.shot('straight-70');
    await expect(timeline(page)).toHaveAttribute('aria-valuetext', 'Round 70 of 70');

    // Checkpoints are every 32 rounds: jump across them both ways.
    for (const r of [3, 64, 31, 32, 33, 0, 70, 19, 20, 44, 45, 63, 1, 50]) expect(await seek(lab, r), `round ${r}`).toBe(straight[r]);
    await expect(page.getByText(/^Viewing round 50 of 70/)).toBeVisible();
    await expect(timeline(page)).toHaveAttribute('aria-valuetext', 'Round 50 of 70');
    await lab.shot('viewing-50');
    // ← steps back one round, → forward through the rounds already run.
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    for (let r = 49; r >= 40; r--) {
      await page.keyboard.press('ArrowLeft');
      expect(await hashAt(lab, r), `back to ${r}`).toBe(straight[r]);
    }
    await lab.button('Step back').click();
    expect(await hashAt(lab, 39)).toBe(straight[39]);
    for (let r = 40; r <= 42; r++) {
      await page.keyboard.press('ArrowRight');
      expect(await hashAt(lab, r), `forward to ${r}`).toBe(straight[r]);
    }
    // The charts keep the whole run and mark the round shown (in the side drawer's Charts tab).
    await lab.showPanel('Charts');
    await expect(page.getByRole('region', { name: 'Informed nodes per round' }).getByRole('img')).toHaveAttribute('aria-label', /after round 70/);
  });

  test('Continue from here forks; the forked run equals a fresh run of the same actions', async ({ lab, page, browser, pageProblems }) => {
    await lab.resetWith({ Nodes: '120', Protocol: 'push', Seed: '8' });
    await lab.step(6);
    await lab.button('Split in halves').click();
    await expect(page.getByText(/^Partitioned/)).toBeVisible();
    await lab.step(10);
    await lab.button('Heal').click();
    await lab.step(4);
    expect((await lab.reading()).round).toBe(20);

    await seek(lab, 9);
    await lab.button('Continue from here').click();
    await expect(page.getByText('Continuing from round 9: rounds 10 to 20 were discarded.')).toBeVisible();
    await expect(lab.runState).toHaveText('Playing');
    await lab.button('Pause').click();
    await expect(lab.runState).not.toHaveText('Playing');
    // The heal done at round 16 belonged to the discarded rounds: the network stays split.
    await expect(page.getByText(/^Partitioned/)).toBeVisible();
    await lab.showPanel('Timeline');
    await expect(page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem')).toHaveCount(1);
    const { round } = await lab.reading();
    await lab.shot('after-fork');
    const forked: string[] = [];
    for (const r of [round, 9, 7, 6, 0]) forked[r] = await seek(lab, r);

    // A fresh browser opens the forked run's link at round 0 and plays it forward.
    const url = await copyLink(lab);
    const other = new GossipLab(await freshPage(browser, pageProblems), test.info());
    await other.page.goto(url);
    await waitCaughtUp(other, 0);
    for (const r of [0, 6, 7, 9]) {
      if (r > 0) await other.step(r - (await other.reading()).round);
      expect(await hashAt(other, r), `fresh run, round ${r}`).toBe(forked[r]);
    }
    await other.step(round - 9);
    expect(await hashAt(other, round)).toBe(forked[round]);
    await other.page.context().close();
  });

  test('an action at an earlier round forks there and joins the timeline', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '60', Seed: '2' });
    await lab.step(8);
    await seek(lab, 3);
    await lab.button('Write update').click();
    await expect(timeline(page)).toHaveAttribute('aria-valuetext', 'Round 3 of 3');
    await expect(page.getByText(/^Viewing round/)).toHaveCount(0);
    await lab.showPanel('Timeline');
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('round 3');
    await expect(lab.button('Continue from here')).toBeDisabled();
    // ← moves the caret while typing in a field, and steps back once focus leaves it.
    await lab.field('Nodes').click();
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    await lab.expectRound(3);
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    await page.keyboard.press('ArrowLeft');
    await lab.expectRound(2);
    await expect(page.getByText(/^Viewing round 2 of 3/)).toBeVisible();
  });
});
