import { deflateRawSync } from 'node:zlib';
import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { copyLink, freshPage, hashAt, seek, stateHash, waitCaughtUp } from './helpers/travel';

/** A link carrying any JSON (valid or not), encoded as the page encodes its own. */
function linkOf(data: unknown): string {
  const json = typeof data === 'string' ? data : JSON.stringify(data);
  return '#run=' + deflateRawSync(Buffer.from(json)).toString('base64url');
}

const scenario = (config: unknown, actions: unknown = [], round: unknown = 0) => ({ format: 'gossip-lab-scenario', version: 1, config, actions, round });

test.describe('share links', () => {
  test('a link opened in a fresh browser rebuilds exactly the same run and lands on the same round', async ({ lab, page, browser, pageProblems }) => {
    await lab.resetWith({ Nodes: '150', Protocol: 'push-pull', 'Packet loss': '15', Seed: '21' });
    await lab.step(4);
    await lab.button('Split in halves').click();
    await expect(page.getByText(/^Partitioned/)).toBeVisible();
    await lab.step(3);
    await lab.inspect(17);
    await lab.inspector.getByRole('button', { name: 'Crash', exact: true }).click();
    await expect(page.getByText('1 crashed', { exact: true })).toBeVisible();
    await lab.step(5);
    // With no node selected, Write update writes at a live node the run's own PRNG picks.
    await page.keyboard.press('Escape');
    await expect(lab.inspector.getByText('Node 17', { exact: true })).toHaveCount(0);
    await lab.button('Write update').click();
    await lab.showPanel('Timeline');
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(/round 12\s*write at node/);
    await lab.step(3);
    await lab.button('Heal').click();
    await lab.step(9);
    const hashes: Record<number, string> = {};
    for (const r of [24, 0, 4, 5, 7, 12, 15, 20]) hashes[r] = await seek(lab, r);
    await seek(lab, 24);
    const url = await copyLink(lab);
    await lab.shot('link-copied');

    const other = new GossipLab(await freshPage(browser, pageProblems), test.info());
    await other.page.goto(url);
    await waitCaughtUp(other, 24);
    await expect(other.page.getByText(/^Opened a shared run at round 24/)).toBeVisible();
    await other.shot('link-opened');
    expect(await stateHash(other.page)).toBe(hashes[24]);
    for (const r of [0, 4, 5, 7, 12, 15, 20]) expect(await seek(other, r), `round ${r}`).toBe(hashes[r]);
    // The address bar lets go of the link once the run moves on, so a reload restores the latest run.
    await expect.poll(() => other.page.url()).not.toContain('#run=');
    await other.page.context().close();
  });

  test('a link copied while looking back lands on that round, and its future plays out the same', async ({ lab, page, browser, pageProblems }) => {
    await lab.resetWith({ Nodes: '80', Protocol: 'pull', Seed: '4' });
    await lab.step(3);
    await lab.button('Write update').click();
    await lab.step(9);
    const later = await seek(lab, 11);
    const at6 = await seek(lab, 6);
    const url = await copyLink(lab);
    const other = new GossipLab(await freshPage(browser, pageProblems), test.info());
    await other.page.goto(url);
    await waitCaughtUp(other, 6);
    expect(await stateHash(other.page)).toBe(at6);
    await other.step(5);
    expect(await hashAt(other, 11)).toBe(later);
    await other.page.context().close();
    await expect(page.getByText(/^Viewing round 6 of 12/)).toBeVisible();
  });

  test('malformed or tampered links show a clear notice and open with defaults, never a blank page', async ({ lab, page }) => {
    const valid = await (async () => {
      await lab.step(2);
      return new URL(await copyLink(lab)).hash;
    })();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const cases: [string, string, RegExp][] = [
      ['truncated', valid.slice(0, Math.floor(valid.length / 2)), /damaged/],
      ['one character changed', valid.slice(0, 12) + (valid[12] === 'A' ? 'B' : 'A') + valid.slice(13), /could not be loaded whole/],
      ['empty', '#run=', /could not be loaded whole/],
      ['not base64', '#run=%%%<script>', /damaged/],
      ['not JSON', linkOf('{"format": "gossip-lab-scenario", '), /damaged/],
      ['wrong types', linkOf(scenario({ nodes: 'lots', protocol: 7, seed: -1 }, 'none', 'x')), /\$\.config\.nodes/],
      ['huge numbers', linkOf(scenario({ nodes: 1e300, fanout: 1e12, seed: 2 ** 60 }, [], 1e15)), /\$\.config\.nodes/],
      ['too big for the page', linkOf(scenario({ nodes: 2_000_000 }, [], 3)), /at most 1,000,000/],
      ['unknown fields', linkOf({ ...scenario({ nodes: 30, colour: 'red' }), extra: { a: 1 } }), /Unrecognized key/],
      ['deep nesting', linkOf(`{"format":"gossip-lab-scenario","version":1,"config":${deep},"actions":[],"round":0}`), /\$\.config/],
      ['an array', linkOf([1, 2, 3]), /does not describe a run/],
    ];
    for (const [name, hash, message] of cases) {
      await page.goto('about:blank');
      await page.goto('/' + hash);
      const notice = page.getByRole('alert').filter({ hasText: 'This link could not be loaded whole' });
      await expect(notice, name).toBeVisible();
      await expect(notice, name).toContainText(message);
      await expect(lab.status, name).toHaveText(/^Round \d+ · Informed/);
      await expect(lab.button('Play'), name).toBeEnabled();
      if (name === 'wrong types' || name === 'truncated') await lab.shot(`bad-link-${name.replace(/\W+/g, '-')}`);
    }
    // The valid parts of a damaged link are kept.
    await page.goto('about:blank');
    await page.goto('/' + linkOf(scenario({ nodes: 42, seed: 9, fanout: 'three' })));
    await expect(page.getByRole('alert').filter({ hasText: /fanout/ })).toBeVisible();
    await expect(lab.field('Nodes')).toHaveValue('42');
    await expect(lab.field('Seed')).toHaveValue('9');
    await expect(page.getByText('42 live', { exact: true })).toBeVisible();
    // A fragment that is not a run leaves the page as it is.
    await page.goto('about:blank');
    await page.goto('/#about');
    await lab.waitReady();
    await expect(page.getByText('This link could not be loaded whole')).toHaveCount(0);
  });
});
