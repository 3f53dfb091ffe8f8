import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { copyLink, freshPage, hashAt, seek, stateHash, waitCaughtUp } from './helpers/travel';

/** Settings apply at once (issue 12): never "press Reset". */

test.describe('settings that apply at once', () => {
  test('set Nodes to 500 and press Play: the status shows 500 live nodes and the run converges, with no Reset', async ({ lab }) => {
    // Seed 5 makes the default random graph (degree 6) connected at 500 nodes; most seeds leave a
    // node or two outside it, and the page then plays on at 99.x % (it stops only at 100 %).
    await lab.setField('Seed', '5');
    await lab.setField('Nodes', '500');
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.page.getByText('500 live', { exact: true })).toBeVisible();
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/);
    await expect(lab.status).toHaveText(/Informed 100%/);
    await expect(lab.page.getByText('500 live', { exact: true })).toBeVisible();
    await expect(lab.page.getByText(/press Reset/i)).toHaveCount(0);
    await lab.shot('500-converged');
  });

  test('a fanout change mid-run holds from the next round, replays the same frames after a step back, and its link reopens the run exactly', async ({ lab, page, browser, pageProblems }) => {
    await lab.setField('Nodes', '300');
    await lab.waitReady();
    await expect(lab.page.getByText('300 live', { exact: true })).toBeVisible();
    const before: Record<number, string> = {};
    for (let r = 1; r <= 4; r++) {
      await lab.step();
      before[r] = await hashAt(lab, r);
    }
    await lab.setField('Fanout', '3');
    await expect(page.getByText('Fanout 3 from round 5')).toBeVisible();
    await lab.showPanel('Timeline');
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(/round 4\s*fanout 3/);
    // Still the same run at the same round: nothing was rebuilt.
    await lab.expectRound(4);
    expect(await stateHash(page)).toBe(before[4]);
    const after: Record<number, string> = { ...before };
    for (let r = 5; r <= 9; r++) {
      await lab.step();
      after[r] = await hashAt(lab, r);
    }
    await lab.shot('fanout-changed');

    // Step back past the change, then forward again through it: the same frames.
    await seek(lab, 2);
    for (let r = 3; r <= 9; r++) {
      await lab.button('Step').click();
      expect(await hashAt(lab, r), `round ${r} after stepping back`).toBe(after[r]);
    }
    for (const r of [6, 3, 9]) expect(await seek(lab, r), `seek to round ${r}`).toBe(after[r]);

    const url = await copyLink(lab);
    const other = new GossipLab(await freshPage(browser, pageProblems), test.info());
    await other.page.goto(url);
    await waitCaughtUp(other, 9);
    expect(await stateHash(other.page)).toBe(after[9]);
    for (const r of [3, 4, 5, 7]) expect(await seek(other, r), `linked run, round ${r}`).toBe(after[r]);
    await other.showPanel('Timeline');
    await expect(other.page.getByRole('list', { name: 'Timeline entries' })).toContainText(/round 4\s*fanout 3/);
    await other.shot('link-opened');
    await other.page.context().close();
  });
});
