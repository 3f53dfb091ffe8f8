import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { showPanel, type GossipLab } from './helpers/lab';
import { MembershipLab } from './helpers/membership';
import { nearColor, rgbOf, screenshotPixels } from './helpers/pixels';
import { copyLink, freshPage, hashAt, seek, stateHash, timeline, waitCaughtUp } from './helpers/travel';

/** The page's read-only trace hook (src/hooks/useTraceTestHook.ts). */
interface TraceHook {
  messages(): { round: number; from: number; to: number; delivered: boolean; useful: boolean }[];
  path(): { origin: number | null; hops: { from: number; to: number; round: number }[] } | null;
  hand(): { sender: number | null; blocked: string | null } | null;
  highlight(): { path: number[][]; tree: number[][]; message: { from: number; to: number; fate: string } | null } | null;
}

/** Calls one method of the hook in the page. */
const call = <K extends keyof TraceHook>(page: Page, name: K): Promise<ReturnType<TraceHook[K]>> =>
  page.evaluate((n) => {
    const h = (window as unknown as { __gossipTrace?: TraceHook }).__gossipTrace;
    if (!h) throw new Error('no trace hook');
    return (h[n] as () => unknown)();
  }, name) as Promise<ReturnType<TraceHook[K]>>;

/** Reads the hook and maps the answer here, in the test. */
async function hook<T>(page: Page, read: (h: { [K in keyof TraceHook]: () => ReturnType<TraceHook[K]> }) => T): Promise<T> {
  const [messages, path, hand, highlight] = await Promise.all([call(page, 'messages'), call(page, 'path'), call(page, 'hand'), call(page, 'highlight')]);
  return read({ messages: () => messages, path: () => path, hand: () => hand, highlight: () => highlight });
}

/** The centre of some disc of colour `hex` on the graph's canvas, in CSS px from its corner (found by its pixels). */
async function discOf(lab: GossipLab, hex: string): Promise<{ x: number; y: number }> {
  const { width, height, data } = await screenshotPixels(lab.canvas);
  const rgb = rgbOf(hex);
  const is = (x: number, y: number) => nearColor(data, (y * width + x) * 4, rgb, 19);
  // The widest horizontal run of the colour is a disc's diameter; its middle column's run gives the centre.
  let best = { x: 0, y: 0, len: 0 };
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x++) {
      if (!is(x, y)) continue;
      let e = x;
      while (e + 1 < width && is(e + 1, y)) e++;
      if (e - x + 1 > best.len && e - x + 1 < 60) best = { x: (x + e) >> 1, y, len: e - x + 1 };
      x = e;
    }
  }
  let top = best.y, bottom = best.y;
  while (top > 0 && is(best.x, top - 1)) top--;
  while (bottom + 1 < height && is(best.x, bottom + 1)) bottom++;
  return { x: best.x, y: (top + bottom) >> 1 };
}

async function openTrace(lab: GossipLab): Promise<void> {
  await showPanel(lab.page, 'Trace');
  await expect(lab.page.getByRole('figure', { name: /^Space-time diagram/ })).toBeVisible();
}

test.describe('who told whom', () => {
  test('after a run, a node\'s path from the origin is made of delivered messages of earlier rounds; the spread tree toggles', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '30', Protocol: 'push', Fanout: '2', 'Packet loss': '20', Seed: '11' });
    // The diagram's log is collected from the first round on while its tab is shown.
    await openTrace(lab);
    for (let r = 1; r <= 9; r++) {
      await page.getByRole('heading', { name: 'Gossip Lab' }).click();
      await page.keyboard.press('ArrowRight');
      await hashAt(lab, r);
    }
    await expect.poll(() => hook(page, (h) => Math.max(0, ...h.messages().map((m) => m.round)))).toBe(9);
    const delivered = new Set((await hook(page, (h) => h.messages())).filter((m) => m.delivered).map((m) => `${m.from}>${m.to}@${m.round}`));

    let checked = 0;
    for (const node of [17, 3, 29, 8]) {
      await lab.inspect(node);
      await expect.poll(() => hook(page, (h) => h.path()?.hops.at(-1)?.to ?? null)).toBe(node);
      const path = (await hook(page, (h) => h.path()))!;
      expect(path.origin).toBe(0);
      let at = 0, last = 0;
      for (const hop of path.hops) {
        expect(hop.from, 'each hop starts where the last ended').toBe(at);
        expect(hop.round, 'each hop is a later round than the one before').toBeGreaterThan(last);
        expect(delivered.has(`${hop.from}>${hop.to}@${hop.round}`), `${hop.from} → ${hop.to} in round ${hop.round} is a delivered message`).toBe(true);
        at = hop.to;
        last = hop.round;
        checked++;
      }
      // The Inspector lists the hops and the graph draws them.
      const list = lab.inspector.getByRole('list', { name: 'Path from the writer' });
      await expect(list.getByRole('listitem')).toHaveCount(path.hops.length);
      await expect.poll(() => hook(page, (h) => h.highlight()?.path ?? [])).toEqual(path.hops.map((h) => [h.from, h.to]));
    }
    expect(checked).toBeGreaterThan(4);
    await lab.shot('path-in-inspector');

    // A click on a node of the graph selects it and shows its path the same way.
    await page.getByRole('heading', { name: 'Gossip Lab' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => hook(page, (h) => h.path())).toBeNull();
    const spot = await discOf(lab, '#0072B2');
    await lab.canvas.click({ position: spot });
    await expect.poll(() => hook(page, (h) => h.path()?.hops.length ?? -1)).toBeGreaterThan(-1);
    const clicked = (await hook(page, (h) => h.path()))!;
    expect(clicked.origin).toBe(0);
    for (const hop of clicked.hops) expect(delivered.has(`${hop.from}>${hop.to}@${hop.round}`)).toBe(true);
    await lab.showPanel('Details');
    await expect(lab.inspector.getByText('Path from the writer', { exact: true })).toBeVisible();

    // The spread tree: on, it draws a link into every informed node but the origin; off, none.
    await showPanel(page, 'Trace');
    const toggle = page.getByRole('switch', { name: 'Spread tree' });
    await toggle.check();
    await expect.poll(() => hook(page, (h) => h.highlight()?.tree.length ?? 0)).toBeGreaterThan(20);
    const tree = (await hook(page, (h) => h.highlight()!.tree));
    expect(new Set(tree.map(([, to]) => to)).size).toBe(tree.length);
    expect(tree.some(([, to]) => to === 0)).toBe(false);
    const histogram = page.getByTestId('depth-histogram');
    await expect(histogram).toBeVisible();
    await expect(histogram.getByRole('listitem').first()).toHaveAccessibleName('depth 0: 1 nodes');
    await page.setViewportSize({ width: 1280, height: 720 });
    await lab.shot('spread-tree-1280');
    await page.setViewportSize({ width: 1024, height: 768 });
    await lab.shot('spread-tree-1024');
    await page.setViewportSize({ width: 1280, height: 720 });
    await toggle.uncheck();
    await expect.poll(() => hook(page, (h) => h.highlight()?.tree.length ?? 0)).toBe(0);
    await expect(histogram).toHaveCount(0);
  });

  test('the space-time diagram follows the scrubber, seeks on a round, highlights a hovered message on the graph, and exports as SVG', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '20', Protocol: 'push-pull', 'Packet loss': '25', Seed: '5' });
    await openTrace(lab);
    const diagram = page.getByTestId('space-time');
    for (let r = 1; r <= 8; r++) {
      await page.getByRole('heading', { name: 'Gossip Lab' }).click();
      await page.keyboard.press('ArrowRight');
      await hashAt(lab, r);
    }
    await expect(diagram).toHaveAttribute('data-round', '8');
    // Every fate is drawn, each with its own dash.
    for (const fate of ['useful', 'redundant', 'dropped']) await expect(diagram.locator(`line[data-fate="${fate}"]`).first()).toBeAttached();
    await expect(diagram.locator('line[data-fate="redundant"]').first()).toHaveAttribute('stroke-dasharray', '5 3');
    await expect(diagram.locator('line[data-fate]')).toHaveCount(await hook(page, (h) => h.messages().length));

    // The scrubber moves the diagram's marked round…
    await seek(lab, 5);
    await expect(diagram).toHaveAttribute('data-round', '5');
    await expect(diagram).toHaveAccessibleName(/round 5 is shown/);
    // …and a round of the diagram moves the scrubber.
    await page.getByRole('button', { name: 'Show round 3', exact: true }).click();
    await hashAt(lab, 3);
    await expect(timeline(page)).toHaveAttribute('aria-valuetext', 'Round 3 of 8');
    await expect(diagram).toHaveAttribute('data-round', '3');
    await page.getByRole('button', { name: 'Show round 3', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Show round 7', exact: true }).focus();
    await page.keyboard.press('Enter');
    await hashAt(lab, 7);

    // Hovering a message highlights it in both views: the one under the pointer, whichever it is.
    await diagram.locator('line[data-fate="useful"]').first().locator('xpath=following-sibling::*[1]').hover({ force: true });
    const hovered = page.getByTestId('space-time-hovered');
    await expect(hovered).toBeVisible();
    const [from, to, round] = await Promise.all(['data-from', 'data-to', 'data-round'].map(async (a) => Number(await hovered.getAttribute(a))));
    const drawn = diagram.locator(`line[data-fate][data-from="${from}"][data-to="${to}"][data-round="${round}"]`);
    await expect(drawn.first()).toBeAttached();
    const fate = await drawn.first().getAttribute('data-fate');
    await expect.poll(() => hook(page, (h) => h.highlight()?.message ?? null)).toEqual({ from, to, fate });
    await expect(page.locator('p').filter({ hasText: new RegExp(`^Round ${round}: node ${from} → node ${to}, `) })).toBeVisible();
    await lab.shot('space-time-hover');
    await page.mouse.move(5, 5);
    await expect(hovered).toHaveCount(0);
    await expect.poll(() => hook(page, (h) => h.highlight()?.message ?? null)).toBeNull();

    // SVG export: a standalone SVG with the arrows and the title.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/space-time\.svg$/);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('Space-time diagram, rounds 1–8');
    expect((svg.match(/data-fate="useful"/g) ?? []).length).toBeGreaterThan(5);
    expect(svg).toContain('stroke-dasharray="5 3"');
  });

  test('above 40 nodes the diagram says why it is not drawn', async ({ lab, page }) => {
    await lab.resetWith({ Nodes: '41' });
    await showPanel(page, 'Trace');
    await expect(page.getByText(/draws clusters of up to 40 nodes, one lane each; this run has 41/)).toBeVisible();
  });

  test('hand-played first rounds: the student picks the targets, the engine takes over, and a link replays the run exactly', async ({ lab, page, browser, pageProblems }) => {
    await lab.resetWith({ Nodes: '20', Protocol: 'push', Topology: 'complete', Fanout: '1', Seed: '2' });
    await openTrace(lab);
    await page.getByRole('spinbutton', { name: 'Rounds by hand', exact: true }).fill('2');
    await page.getByRole('button', { name: 'Play by hand', exact: true }).click();
    const handBox = page.getByTestId('hand-status');
    await expect(handBox).toContainText('Round 1: node 0 sends');
    await expect.poll(() => hook(page, (h) => h.hand()?.sender ?? null)).toBe(0);
    const pick = async (sender: number, target: number): Promise<void> => {
      await expect(handBox).toContainText(`node ${sender} sends`);
      await page.getByRole('spinbutton', { name: `Target of node ${sender}`, exact: true }).fill(String(target));
      await page.getByRole('button', { name: 'Pick', exact: true }).click();
    };
    // A wrong pick is refused with a reason and changes nothing.
    await page.getByRole('spinbutton', { name: 'Target of node 0', exact: true }).fill('0');
    await page.getByRole('button', { name: 'Pick', exact: true }).click();
    await expect(page.getByText('Node 0 cannot send to itself: pick another node.')).toBeVisible();
    // The prompt also sits at the graph's foot, where the student clicks.
    await expect(page.getByTestId('hand-banner')).toContainText('Round 1: node 0 sends');
    await lab.shot('hand-round-1');
    await pick(0, 13);
    await lab.expectRound(1);
    await pick(0, 4);
    await expect(handBox).toContainText('Round 2: node 13 sends');
    await pick(13, 9);
    await lab.expectRound(2);
    await expect(handBox).toContainText('Rounds 1–2 were played by hand; the engine plays from here.');
    await expect(page.getByTestId('hand-banner')).toHaveCount(0);
    await expect.poll(() => hook(page, (h) => h.messages().filter((m) => m.round <= 2).map((m) => `${m.from}>${m.to}@${m.round}`).sort())).toEqual(['0>13@1', '0>4@2', '13>9@2']);
    await lab.shot('hand-done');

    // The choices are on the timeline; the engine plays on.
    await lab.showPanel('Timeline');
    await expect(page.getByText(/node 0 → 13 \(by hand\)/)).toBeVisible();
    await lab.step(4);
    const at6 = await hashAt(lab, 6);
    // Time travel replays the hand-played rounds exactly.
    await seek(lab, 1);
    expect(await seek(lab, 6)).toBe(at6);
    // So does a link, in a fresh browser.
    const url = await copyLink(lab);
    const other = await freshPage(browser, pageProblems);
    await other.goto(url);
    const { GossipLab } = await import('./helpers/lab');
    const second = new GossipLab(other, test.info());
    await waitCaughtUp(second, 6);
    expect(await stateHash(other)).toBe(at6);
    await other.context().close();
  });

  test('membership mode draws its probes and acks in its own space-time diagram, synced with its scrubber', async ({ lab, page }) => {
    const m = new MembershipLab(page, test.info());
    await m.open();
    await m.field('Nodes').fill('16');
    await expect(m.clusterLine).toHaveText(/ · 16 nodes/);
    await m.waitReady();
    await showPanel(page, 'Space-time');
    const diagram = page.getByTestId('space-time');
    await expect(diagram).toBeVisible();
    await m.step(5);
    await expect(diagram).toHaveAttribute('data-round', '5');
    await expect(diagram.locator('line[data-fate]').first()).toBeAttached();
    expect(await diagram.locator('line[data-fate][data-round="5"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show round 2', exact: true }).click();
    await expect(m.status).toHaveText(/^Round 2 · /);
    await expect(diagram).toHaveAttribute('data-round', '2');
    await m.shot('membership-space-time');
    void lab;
  });

  test('the Trace tab and the membership diagram have no critical or serious axe violations', async ({ lab, page }) => {
    const violations = async (): Promise<string[]> => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    };
    await lab.resetWith({ Nodes: '12', Protocol: 'push', Topology: 'complete' });
    await openTrace(lab);
    await page.getByRole('button', { name: 'Play by hand', exact: true }).click();
    await expect(page.getByTestId('hand-status')).toContainText('node 0 sends');
    expect(await violations(), 'hand play').toEqual([]);
    await page.getByRole('button', { name: 'Let the engine play', exact: true }).click();
    await lab.step(3);
    await page.getByRole('switch', { name: 'Spread tree' }).check();
    await expect(page.getByTestId('depth-histogram')).toBeVisible();
    expect(await violations(), 'tree and diagram').toEqual([]);
    await page.getByRole('button', { name: 'Dark theme' }).or(page.getByRole('button', { name: /Theme/ })).first().click();
    // The theme's colours ease in: check once the page has settled, not mid-transition.
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect.poll(violations, { message: 'dark theme', timeout: 10_000 }).toEqual([]);
    const m = new MembershipLab(page, test.info());
    await m.open();
    await m.field('Nodes').fill('10');
    await expect(m.clusterLine).toHaveText(/ · 10 nodes/);
    await m.waitReady();
    await showPanel(page, 'Space-time');
    await m.step(2);
    expect(await violations(), 'membership diagram').toEqual([]);
  });
});
