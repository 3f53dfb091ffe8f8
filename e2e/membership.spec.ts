import { expect, test as base } from './helpers/fixtures';
import { MembershipLab } from './helpers/membership';

/** The page in Membership mode (the base fixture still fails the test on any console error). */
const test = base.extend<{ m: MembershipLab }>({
  // The page is loaded and ready in Dissemination first, as a visitor finds it.
  m: async ({ lab }, use, testInfo) => {
    const m = new MembershipLab(lab.page, testInfo);
    await m.open();
    await use(m);
  },
});

test.describe('membership presets', () => {
  test('Detecting a crash (SWIM): node 12 is suspected, declared dead a suspicion timeout later, and all know', async ({ m }) => {
    const title = 'Detecting a crash (SWIM)';
    const caption = await m.loadPreset(title);
    const timeout = Number(/(\d+) rounds later \(Suspicion mult/.exec((await caption.textContent()) ?? '')![1]);
    await expect(m.clusterLine).toHaveText(/^SWIM · 50 nodes · 0 % loss/);
    await m.setSpeed(10);
    await expect(m.status).toHaveText(/^Round \d+ · 1 crashed · detected in \d+ rounds? · /, { timeout: 20_000 });
    await m.expectStoryPause(title, 20);
    const r = await m.reading();
    expect(r.crashed).toBe(1);
    expect(r.detected).toBeGreaterThanOrEqual(1);
    expect(r.detected).toBeLessThanOrEqual(3);
    expect(r.allKnow).toBeGreaterThanOrEqual(r.detected! + timeout);
    expect(r.falsePositives).toBe(0);

    const row = m.metrics.getByRole('row', { name: /^node 12 @ 3 / });
    await expect(row.getByRole('cell')).toHaveText(['node 12 @ 3', String(r.detected), String(r.detected! + timeout), String(r.allKnow)]);
    // The preset inspects node 0: it holds node 12 dead, and nobody else.
    await expect(m.inspector).toContainText("Node 0's view (up)");
    await expect(m.inspector).toContainText('alive 48 · suspect 0 · dead 1 · unknown 0');
    await m.shot('detected');
  });

  test('Heartbeats spread: the first down mark comes exactly T fail rounds after the crash, then node 12 is forgotten', async ({ m }) => {
    const title = 'Heartbeats spread (Cassandra-style)';
    await m.loadPreset(title);
    await expect(m.clusterLine).toHaveText(/^Heartbeat · 50 nodes/);
    const tFail = Number(await m.field('T fail').inputValue());
    expect(tFail).toBe(10);
    await m.setSpeed(8);
    await expect(m.status).toHaveText(new RegExp(`^Round \\d+ · 1 crashed · detected in ${tFail} rounds · `), { timeout: 30_000 });
    // Node 0 (inspected) marks it down before the cleanup timer forgets it.
    await expect(m.inspector).toContainText('dead 1', { timeout: 20_000 });
    await m.shot('down');
    await m.setSpeed(20);
    await m.expectStoryPause(title, 36);
    const r = await m.reading();
    expect(r.detected).toBe(tFail);
    expect(r.allKnow).toBeGreaterThan(tFail);
    expect(r.allKnow).toBeLessThanOrEqual(tFail + 6);
    expect(r.falsePositives).toBe(0);
    await expect(m.inspector).toContainText('alive 48 · suspect 0 · dead 0 · unknown 1');
    await m.shot('forgotten');
  });

  test('False positives on a lossy network: suspicions are refuted, yet live nodes get declared dead', async ({ m }) => {
    const title = 'False positives on a lossy network';
    await m.loadPreset(title);
    await expect(m.clusterLine).toHaveText(/^SWIM · 50 nodes · 20 % loss/);
    await m.setSpeed(30);
    await m.expectStoryPause(title, 120);
    const r = await m.reading();
    expect(r.crashed).toBe(0);
    expect(r.falsePositives).toBeGreaterThan(0);
    expect(await m.metric('False positives (live nodes declared dead)')).toBe(String(r.falsePositives));
    const [raised, refuted] = (await m.metric('Suspicions raised · refuted')).split(' · ').map((s) => Number(s.replace(/,/g, '')));
    expect(raised).toBeGreaterThan(120);
    expect(refuted).toBeGreaterThan(0.9 * raised);
    expect(refuted).toBeLessThan(raised);
    await m.shot('false-positives');
  });

  test('Split brain: the halves stay apart after the heal without Reconnect, and merge with it', async ({ m, page }) => {
    const title = 'Split brain and rejoin';
    await m.loadPreset(title);
    await m.setSpeed(30);
    await expect(page.getByText('Partitioned', { exact: true })).toBeVisible({ timeout: 20_000 });
    const comparison = m.region('Pairs wrongly held dead: Reconnect off vs on');
    await expect(comparison).toContainText(
      'Reconnect off (memberlist): 800 pairs still wrongly dead at round 120. Reconnect every 30 rounds (Serf): 0 pairs still wrongly dead at round 120.',
      { timeout: 30_000 },
    );
    await m.expectStoryPause(title, 120);
    await expect(page.getByText('Partitioned', { exact: true })).toHaveCount(0);
    // Every cross-half pair (2 × 20 × 20) is still held dead long after the heal.
    expect(await m.metric('Pairs wrongly dead · alive')).toBe('800 · 0');
    await m.shot('split-brain');

    await page.getByRole('checkbox', { name: 'Reconnect', exact: true }).check();
    await m.button('Reset').click();
    await m.waitReady();
    await expect(m.region(title)).toBeVisible();
    await m.button('Play').click();
    await m.expectStoryPause(title, 120);
    expect(await m.metric('Pairs wrongly dead · alive')).toBe('0 · 0');
    expect((await m.reading()).falsePositives).toBeGreaterThan(0);
    await m.shot('merged');
  });
});

test.describe('membership by hand', () => {
  test('a node crashed with Select node and Crash is detected, and the status says when', async ({ m, page }) => {
    await expect(page.getByText('No node selected: click one in the graph.')).toBeVisible();
    await m.showPanel('Details'); // the inspector and metrics are in the side drawer
    await m.select(7);
    await expect(m.inspector).toContainText("Node 7's view (up)");
    await m.button('Crash').click();
    await expect(page.getByText('Selected: node 7 (crashed)', { exact: true })).toBeVisible();
    await expect(m.button('Recover')).toBeVisible();
    await expect(m.status).toHaveText('Round 0 · 1 crashed · not yet detected · 0 false positives');
    await m.shot('crashed');

    await m.setSpeed(20);
    await m.button('Play').click();
    await expect(m.status).toHaveText(/^Round \d+ · 1 crashed · detected in \d+ rounds? · all know after \d+ · \d+ false positives?$/, { timeout: 30_000 });
    await m.button('Pause').click();
    await expect(m.runState).toHaveText('Paused');
    const r = await m.reading();
    expect(r.detected).toBeGreaterThanOrEqual(1);
    expect(r.allKnow).toBeGreaterThan(r.detected!);
    await expect(m.metrics.getByRole('row', { name: /^node 7 @ 0 / }).getByRole('cell').nth(3)).toHaveText(String(r.allKnow));
    await expect(m.inspector).toContainText("Node 7's view (crashed: frozen)");
    await m.shot('detected');
  });

  test('the Matrix view shows who believes whom for 100 nodes, and says why not for more', async ({ m, page }) => {
    await expect(m.clusterLine).toHaveText(/^SWIM · 100 nodes/);
    await m.step(3);
    await m.button('Matrix').click();
    await expect(m.button('Matrix')).toHaveAttribute('aria-pressed', 'true');
    const matrix = page.getByRole('img', { name: 'Belief matrix: rows are observers, columns are subjects, 100 × 100', exact: true });
    await expect(matrix).toBeVisible();
    await expect(page.getByText('Hover a cell: row = observer, column = subject.')).toBeVisible();
    const box = (await matrix.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3);
    await expect(page.getByText('Hover a cell: row = observer, column = subject.')).toHaveCount(0);
    await m.shot('matrix');

    await m.button('Reset').click();
    await m.waitReady();
    await m.field('Nodes').fill('150');
    await expect(m.clusterLine).toHaveText(/^SWIM · 150 nodes/);
    await expect(page.getByText(/^The matrix shows clusters of up to 100 nodes; this run has 150 /)).toBeVisible();
    await expect(page.getByRole('img', { name: /^Belief matrix/ })).toHaveCount(0);
    await m.shot('matrix-too-big');
    await m.button('Graph').click();
    await expect(m.region('Membership graph')).toBeVisible();
  });

  test('a notice over the graph leaves the Graph and Matrix buttons clickable', async ({ m, page }) => {
    // Crash with no node selected puts a notice over the graph for several seconds.
    await m.button('Crash').click();
    await expect(page.getByText('Select a node first (click it), then press Crash.')).toBeVisible();
    await m.shot('notice');
    // Well before the notice goes away by itself, the view switch must still take a click.
    await m.button('Matrix').click({ timeout: 3000 });
    await expect(m.button('Matrix')).toHaveAttribute('aria-pressed', 'true');
    await m.button('Graph').click({ timeout: 3000 });
    await expect(m.region('Membership graph')).toBeVisible();
  });

  test('2,000 nodes run in the page; 5,000 are refused with a message and the run is unchanged', async ({ m }) => {
    await m.field('Nodes').fill('2000');
    await expect(m.clusterLine).toHaveText(/^SWIM · 2,000 nodes/, { timeout: 30_000 });
    await m.waitReady();
    await m.step(2);
    await expect(m.status).toHaveText('Round 2 · 0 crashed · 0 false positives');
    await m.shot('two-thousand');

    const nodes = m.field('Nodes');
    await nodes.fill('5000');
    await expect(nodes).toHaveAttribute('aria-invalid', 'true');
    await expect(nodes).toHaveAccessibleDescription(/^At most 2,000 nodes in the page: .*5,000 nodes would hold [\d.,]+ MB/);
    await m.button('Reset').click();
    await expect(m.page.getByText('Some settings are refused (see the messages under them): the run is unchanged.')).toBeVisible();
    await expect(m.clusterLine).toHaveText(/^SWIM · 2,000 nodes/);
    await expect(m.status).toHaveText('Round 2 · 0 crashed · 0 false positives');
    await m.shot('five-thousand-refused');
  });

  test('one status at a time across mode switches, and each mode\'s run waits while hidden', async ({ m, page, lab }) => {
    await expect(page.getByRole('status')).toHaveCount(1);
    await m.step(2);
    await expect(m.status).toHaveText(/^Round 2 · /);

    await page.getByRole('tab', { name: 'Dissemination', exact: true }).click();
    await expect(page.getByRole('status')).toHaveCount(1);
    await expect(lab.status).toHaveText('Round 0 · Informed 1%');
    await lab.button('Play').click();
    await expect(lab.status).toHaveText(/^Round [1-9]/);

    await m.tab.click();
    await expect(page.getByRole('status')).toHaveCount(1);
    await expect(m.status).toHaveText(/^Round 2 · /);
    await expect(m.runState).toHaveText('Paused');

    await page.getByRole('tab', { name: 'Dissemination', exact: true }).click();
    await expect(page.getByRole('status')).toHaveCount(1);
    // The dissemination run paused when Membership was shown.
    await expect(lab.runState).toHaveText(/^(Paused|Everyone informed at round \d+)$/);
    const { round } = await lab.reading();
    await page.waitForTimeout(700);
    expect((await lab.reading()).round).toBe(round);
    await lab.shot('back-to-dissemination');
  });
});
