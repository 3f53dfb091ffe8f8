import { expect, test as base } from './helpers/fixtures';
import { MembershipLab } from './helpers/membership';
import { askForTestHook } from './helpers/test-hook';
import { stateHash, timeline } from './helpers/travel';

/** The page in Membership mode (the base fixture fails the test on any console error). */
const test = base.extend<{ m: MembershipLab }>({
  m: async ({ lab }, use, testInfo) => {
    const m = new MembershipLab(lab.page, testInfo);
    await m.open();
    await use(m);
  },
});

/** Waits until the membership run shows `round` and returns the hash of what it shows. */
async function shownHash(m: MembershipLab, round: number): Promise<string> {
  await expect(m.status).toHaveText(new RegExp(`^Round ${round} · `));
  await expect.poll(() => stateHash(m.page).catch(() => '')).toMatch(new RegExp(`^${round}:`));
  return stateHash(m.page);
}

test.describe('membership time travel and links', () => {
  test('scrub back over a membership run, then its share link opens the same run at the same round in a fresh page', async ({ m, page, browser, pageProblems }) => {
    await m.select(7);
    await m.button('Crash').click();
    await expect(page.getByText('Selected: node 7 (crashed)', { exact: true })).toBeVisible();
    await m.step(12);
    const straight: Record<number, string> = { 12: await shownHash(m, 12) };

    // The timeline slider shows earlier rounds exactly; Step back goes one round back.
    await timeline(page).fill('6');
    straight[6] = await shownHash(m, 6);
    await expect(m.page.getByText('Viewing round 6 of 12', { exact: true })).toBeVisible();
    await m.button('Step back').click();
    straight[5] = await shownHash(m, 5);
    await timeline(page).fill('12');
    expect(await shownHash(m, 12)).toBe(straight[12]);
    await timeline(page).fill('6');
    expect(await shownHash(m, 6)).toBe(straight[6]);
    await m.button('Matrix').click();
    await expect(m.button('Matrix')).toHaveAttribute('aria-pressed', 'true');
    await m.shot('looking-back');

    await m.button('Copy link').click();
    await expect(page.getByText(/^(Link copied|The link is in the address bar)/)).toBeVisible();
    const url = page.url();
    expect(url).toMatch(/#run=[A-Za-z0-9_-]+$/);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await askForTestHook(context);
    const other = await context.newPage();
    other.on('pageerror', (e) => pageProblems.push(`second page: ${e.message}`));
    other.on('console', (msg) => {
      if (msg.type() === 'error') pageProblems.push(`second page console.error: ${msg.text()}`);
    });
    await other.goto(url);
    const o = new MembershipLab(other, test.info());
    await expect(o.tab).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByText(/^Opened a shared run at round 6/)).toBeVisible();
    expect(await shownHash(o, 6)).toBe(straight[6]);
    await expect(o.status).toHaveText(await m.status.innerText());
    // The crash is on the received run's timeline: its later rounds play out the same.
    await o.step(1);
    await timeline(other).fill('5');
    expect(await shownHash(o, 5)).toBe(straight[5]);
    await o.shot('link-opened');
    await context.close();
  });
});

test.describe('membership files', () => {
  test('a membership run exports as a scenario, CSV and JSON, and the scenario imports back as the same run', async ({ m, page }) => {
    await m.select(3);
    await m.button('Crash').click();
    await m.step(6);
    const hash6 = await shownHash(m, 6);
    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), m.button(name).click()]);
      return { file: download.suggestedFilename(), text: await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8') };
    };
    const scenario = await save('Export scenario');
    expect(scenario.file).toMatch(/^gossip-lab-swim-100n-seed\d+-round6\.scenario\.json$/);
    expect(JSON.parse(scenario.text)).toMatchObject({ model: 'membership', config: { protocol: 'swim', nodes: 100 }, actions: [{ round: 0, action: { type: 'crash', node: 3 } }] });
    const csv = await save('Export CSV');
    expect(csv.text.trim().split('\n')).toHaveLength(7);
    const json = JSON.parse((await save('Export JSON')).text);
    expect(json.rounds).toHaveLength(6);

    // Import it back after Reset: the run is rebuilt with the crash planned, and replays the same.
    await m.button('Reset').click();
    await page.getByLabel('Scenario file to import').setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(scenario.text) });
    await expect(page.getByText(/^Imported back\.json: 100 nodes, 1 action on the timeline\./)).toBeVisible();
    await m.step(6);
    expect(await shownHash(m, 6)).toBe(hash6);

    // A dissemination scenario is refused here with a reason, and the run stays.
    await page.getByLabel('Scenario file to import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 10 }, actions: [] })) });
    await expect(page.getByRole('alert')).toContainText('other.json was not imported');
    await expect(page.getByRole('alert')).toContainText('open it in Dissemination mode');
    await expect(m.status).toHaveText(/^Round 6 · /);
  });
});
