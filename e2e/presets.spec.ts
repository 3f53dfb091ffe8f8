import { expect, test } from './helpers/fixtures';
import { definitions, inFlightCount, loadPreset, panels, residueOf } from './helpers/panels';

/**
 * Each one-click preset of issue 4 plays in the page, and what its caption promises is there
 * to see: the residue, the repair after the heal, messages in flight, the one-way cut, the
 * winning write. The numbers come from the captions, so a changed preset changes the test.
 */
test.describe('presets', () => {
  test('A rumor dies out: the epidemic ends with a residue above 0 % that stays', async ({ lab }) => {
    const caption = await loadPreset(lab, 'A rumor dies out (residue)');
    const promised = Number(/dies around round (\d+)/.exec((await caption.textContent()) ?? '')![1]);
    await expect(lab.select('Protocol')).toHaveValue('rumor');
    await lab.setSpeed(15);
    const rumor = panels(lab).rumor;
    await expect(rumor).toContainText(/Epidemic over at round \d+: no node is infective\./, { timeout: 20_000 });
    const ended = Number(/Epidemic over at round (\d+)/.exec((await rumor.textContent()) ?? '')![1]);
    expect(Math.abs(ended - promised)).toBeLessThanOrEqual(2);
    // Nothing can repair it without anti-entropy: the run stops by itself.
    await expect(lab.button('Play')).toBeVisible();
    const residue = await residueOf(lab);
    expect(residue).toBeGreaterThan(5);
    expect(residue).toBeLessThan(30);
    const figures = await definitions(rumor);
    expect(figures.Infective).toBe('0');
    expect(Number(figures['Never informed'])).toBeGreaterThan(0);
    await expect(lab.status).not.toHaveText(/Informed 100%$/);
    await lab.shot('residue');

    // A few more rounds by hand: the residue does not move.
    await lab.step(3);
    expect(await residueOf(lab)).toBe(residue);
  });

  test('Anti-entropy repairs the residue: the rumor dies with a residue, then the residue falls to 0 %', async ({ lab, page }) => {
    const caption = await loadPreset(lab, 'Anti-entropy repairs the residue');
    const text = (await caption.textContent()) ?? '';
    const every = Number(/every (\d+) rounds/.exec(text)![1]);
    const last = Number(/round (\d+) the last/.exec(text)![1]);
    await expect(lab.field('Anti-entropy every')).toHaveValue(String(every));
    await lab.setSpeed(6);
    // The page says the rumor died with a residue, and that anti-entropy will repair it.
    const died = page.getByText(/^The rumor died out at round \d+: residue [\d.]+ % \(\d+ of \d+ never informed\)\. Anti-entropy every \d+ rounds repairs it\.$/);
    await expect(died).toBeVisible({ timeout: 20_000 });
    const residueThen = Number(/residue ([\d.]+) %/.exec((await died.textContent()) ?? '')![1]);
    expect(residueThen).toBeGreaterThan(5);
    await lab.shot('died-with-residue');

    await lab.setSpeed(30);
    // Everyone holds it at the promised round; the run stops once the rumor it restarted is over too.
    await expect(lab.runState).toHaveText(`Everyone informed at round ${last}`, { timeout: 30_000 });
    await expect(lab.button('Play')).toBeVisible();
    await expect(lab.status).toHaveText(/Informed 100%$/);
    expect(await residueOf(lab)).toBe(0);
    await expect(panels(lab).rumor).toContainText(`Anti-entropy backup every ${every} rounds.`);
    await lab.shot('residue-zero');
  });

  test('Partition and heal: the heal alone repairs nothing; anti-entropy carries the update over', async ({ lab, page }) => {
    const caption = await loadPreset(lab, 'Partition and heal');
    const text = (await caption.textContent()) ?? '';
    const heal = Number(/The heal \(round (\d+)\)/.exec(text)![1]);
    const backup = Number(/Anti-entropy at round (\d+)/.exec(text)![1]);
    const every = Number(await lab.field('Anti-entropy every').inputValue());
    await expect(page.getByText(/^Partitioned: 30 \| 30 nodes$/)).toBeVisible();
    await lab.setSpeed(8);
    // Before the heal the rumor is over and the right half knows nothing: half informed.
    const rumor = panels(lab).rumor;
    await expect(rumor).toContainText(/Epidemic over at round \d+/, { timeout: 20_000 });
    expect(Number(/Epidemic over at round (\d+)/.exec((await rumor.textContent()) ?? '')![1])).toBeLessThan(heal);
    await expect(lab.status).toHaveText(/Informed 50%$/);
    await lab.shot('rumor-over-before-heal');

    // Slow enough to read the rounds between the heal and the next anti-entropy round.
    await lab.setSpeed(2);
    const report = panels(lab).heal;
    await expect(report).toContainText(
      `Healed after round ${heal}: 30 of 60 live nodes lacked v1 by node 1; 30 still do. The next anti-entropy round will carry it over (every ${every} rounds).`,
      { timeout: 20_000 },
    );
    await expect(page.getByText('Network whole')).toBeVisible();
    await expect(lab.status).toHaveText(/Informed 50%$/);
    await lab.shot('healed-nothing-sent');

    await lab.setSpeed(30);
    await expect(report).toContainText(/Repaired at round \d+, \d+ rounds after the heal \(rumor mongering with anti-entropy backup\)\./, { timeout: 20_000 });
    const repaired = Number(/Repaired at round (\d+)/.exec((await report.textContent()) ?? '')![1]);
    // Not before the anti-entropy round the caption names, and before the next one.
    expect(repaired).toBeGreaterThanOrEqual(backup);
    expect(repaired).toBeLessThan(backup + every);
    await expect(lab.status).toHaveText(/Informed 100%$/);
    await lab.shot('repaired');
  });

  test('Lossy, slow network: messages stay in flight across rounds and everyone learns the update in the end', async ({ lab }) => {
    await loadPreset(lab, 'Lossy, slow network');
    await expect(lab.field('Packet loss')).toHaveValue('30');
    await expect(lab.select('Delay')).toHaveValue('uniform');
    await expect(lab.page.getByText(/^[\d,]+ in flight$/)).toBeVisible({ timeout: 15_000 });
    expect(await inFlightCount(lab)).toBeGreaterThan(0);
    await lab.shot('in-flight');
    await lab.setSpeed(30);
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/, { timeout: 30_000 });
    await expect(lab.status).toHaveText(/Informed 100%$/);
    await lab.shot('everyone-informed');
  });

  test('Asymmetric partition: the left\'s update never crosses to the right; the right\'s crosses and wins', async ({ lab, page }) => {
    const caption = await loadPreset(lab, 'Asymmetric partition');
    const m = /Node (\d+)'s update \(round 1\) fills the left but never reaches the right\. Node (\d+)'s \(round (\d+)\)/.exec((await caption.textContent()) ?? '')!;
    const [left, right, later] = [Number(m[1]), Number(m[2]), Number(m[3])];
    await expect(panels(lab).legend).toContainText('one-way cut: solid arrow passes, dashed ✕ drops');
    await expect(page.getByText(/^1 → 2 blocked · 2 → 1 open$/)).toBeVisible();
    // Before the right writes: the left's update fills the left half (40 of 80) and no more.
    const before = Array.from({ length: later - 6 }, (_, i) => 6 + i).join('|');
    await expect(lab.status).toHaveText(new RegExp(`^Round (?:${before}) · Informed 50%$`), { timeout: 20_000 });
    await lab.button('Pause').click();
    await lab.inspect(right);
    expect((await lab.inspected()).Knows).toMatch(/knows nothing/);
    await lab.inspect(left);
    expect((await lab.inspected()).Knows).toMatch(new RegExp(`^v\\d+ by node ${left}`));
    await lab.shot('left-only');

    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/, { timeout: 30_000 });
    const writes = panels(lab).writes;
    await expect(writes).toContainText(new RegExp(`v\\d+ by node ${right} wins over v\\d+ by node ${left}`));
    // The left's write reached nobody in group 2, the one-way cut's far side.
    const leftWrite = writes.getByRole('listitem').filter({ hasText: new RegExp(`by node ${left}(?!\\d)`) });
    await expect(leftWrite).toContainText(/reached per group: 1: 40(?!\d)/);
    await expect(leftWrite).not.toContainText(/2: [1-9]/);
    await lab.inspect(left);
    expect((await lab.inspected()).Knows).toMatch(new RegExp(`^v\\d+ by node ${right} \\(latest\\)`));
    await lab.shot('right-wins');
  });

  test('Conflicting writes: after the heal the higher writer id wins, not the later write', async ({ lab }) => {
    const caption = await loadPreset(lab, 'Conflicting writes');
    const m = /Node (\d+) \(right\) writes v2 at round \d+, node (\d+) \(left\) v2/.exec((await caption.textContent()) ?? '')!;
    const [high, low] = [Number(m[1]), Number(m[2])];
    expect(high).toBeGreaterThan(low);
    await lab.setSpeed(10);
    const writes = panels(lab).writes;
    await expect(writes).toBeVisible({ timeout: 20_000 });
    await lab.shot('two-writes');
    await lab.setSpeed(30);
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/, { timeout: 30_000 });
    await expect(writes).toContainText(
      `v2 by node ${high} wins over v2 by node ${low}: same counter (2), higher writer id (node ${high} > node ${low}).`,
    );
    await expect(writes.getByText('wins', { exact: true })).toHaveCount(1);
    await lab.inspect(low);
    expect((await lab.inspected()).Knows).toBe(`v2 by node ${high} (latest)`);
    await lab.shot('higher-id-wins');
  });
});
