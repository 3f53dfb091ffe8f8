import type { Locator } from '@playwright/test';
import { colorsOf, luminance } from './helpers/colors';
import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';
import { screenshotPixels } from './helpers/pixels';

/** The parts a room must see without scrolling. */
function essentials(lab: GossipLab): [string, Locator][] {
  return [
    ['graph canvas', lab.canvas],
    ['status', lab.status],
    ['Play', lab.button('Play')],
    ['Step', lab.button('Step')],
    ['Split', lab.button('Split')],
    ['Heal', lab.button('Heal')],
    ['informed chart', lab.page.getByRole('region', { name: 'Informed nodes per round' })],
    ['messages chart', lab.page.getByRole('region', { name: 'Messages per round' })],
  ];
}

test.describe('the page', () => {
  test('loads with its status, graph and controls, and runs without errors', async ({ lab, page }) => {
    await expect(page).toHaveTitle('Gossip Lab');
    await expect(lab.status).toHaveText('Round 0 · Informed 1%');
    await expect(lab.runState).toHaveText('Ready');
    await expect(page.getByText('100 live', { exact: true })).toBeVisible();
    await expect(lab.canvas).toHaveAttribute('aria-description', /^Round 0\. 100 nodes, random topology/);
    await lab.shot('loaded');
    await lab.step(3);
    await expect(lab.canvas).toHaveAttribute('aria-description', /^Round 3\./);
    await lab.shot('three-rounds');
  });

  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    test(`at ${width}×${height} the graph, status, run controls and both charts fit in the viewport`, async ({ lab, page }) => {
      await page.setViewportSize({ width, height });
      await lab.step(2);
      // The charts fold into the side drawer's Charts tab; Split and Heal sit below the settings
      // in the Controls panel, which scrolls by itself (the page does not).
      await lab.showPanel('Charts');
      for (const [name, locator] of essentials(lab)) {
        await expect(locator, name).toBeVisible();
        await locator.scrollIntoViewIfNeeded();
        const box = (await locator.boundingBox())!;
        expect(box, `${name} has a box`).not.toBeNull();
        expect.soft(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
        expect.soft(box.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
        expect.soft(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(width);
        expect.soft(box.y + box.height, `${name} bottom edge`).toBeLessThanOrEqual(height);
      }
      const canvasBox = (await lab.canvas.boundingBox())!;
      expect(canvasBox.width * canvasBox.height, 'the graph gets a real share of the screen').toBeGreaterThan(width * height * 0.15);
      const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      expect(scroll, 'the page itself does not scroll').toEqual({ w: width, h: height });
      await lab.shot(`layout-${width}`);
    });
  }

  test('the Theme button switches to a dark page that stays readable, and back', async ({ lab, page }) => {
    const body = page.locator('body');
    const texts = (): [string, Locator][] => [
      ['status', lab.status],
      ['Inspect node label', page.getByText('Inspect node', { exact: true })],
      ['settings hint', page.getByText(/^Changes apply at once/)],
      ['legend entry', page.getByText('knows nothing', { exact: true })],
      ['Step button', lab.button('Step')],
      ['Play button', lab.button('Play')],
      ['Write update button', lab.button('Write update')],
    ];
    // Buttons fade their colours (transition-colors): measure once every transition is over.
    const settled = () => page.waitForFunction(() => document.getAnimations().length === 0);
    await settled();
    const light = await colorsOf(body);
    expect(luminance(light.background)).toBeGreaterThan(0.8);
    for (const [name, el] of texts()) expect.soft((await colorsOf(el)).contrast, `${name} (light)`).toBeGreaterThanOrEqual(4.5);
    await lab.shot('light');

    await lab.button('Theme').click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect.poll(async () => luminance((await colorsOf(body)).background)).toBeLessThan(0.05);
    await settled();
    for (const [name, el] of texts()) expect.soft((await colorsOf(el)).contrast, `${name} (dark)`).toBeGreaterThanOrEqual(4.5);
    // The canvas repaints in the dark theme too: its centre pixel area is dark, not white.
    await expect.poll(() => canvasLuminance(lab)).toBeLessThan(0.2);
    await lab.step(2);
    await lab.shot('dark');

    await lab.button('Theme').click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    await expect.poll(async () => luminance((await colorsOf(body)).background)).toBeGreaterThan(0.8);
    await expect.poll(() => canvasLuminance(lab)).toBeGreaterThan(0.6);
  });

  test('every control has an accessible name, and the promised names exist', async ({ lab, page }) => {
    await lab.showPanel('Details'); // Inspect node is in the side drawer
    // The names other tests and the lecturer's notes rely on.
    const promised: [Parameters<typeof page.getByRole>[0], string][] = [
      ['spinbutton', 'Nodes'], ['spinbutton', 'Fanout'], ['spinbutton', 'Packet loss'], ['spinbutton', 'Seed'],
      ['spinbutton', 'Degree'], ['spinbutton', 'Inspect node'], ['combobox', 'Protocol'], ['combobox', 'Topology'],
      ['button', 'Play'], ['button', 'Step'], ['button', 'Reset'], ['slider', 'Speed'], ['button', 'Write update'],
      ['button', 'Split'], ['button', 'Split in halves'], ['button', 'Heal'], ['button', 'Partition healing'],
      ['button', 'Theme'], ['status', ''],
    ];
    for (const [role, name] of promised) {
      const loc = name ? page.getByRole(role, { name, exact: true }) : page.getByRole(role);
      await expect(loc, `${role} "${name}"`).toHaveCount(1);
    }

    // In the page: every interactive element carries a name from aria-label(ledby), a label, or its text.
    const unnamed = await page.evaluate(() => {
      const sel = 'button, input, select, textarea, a[href], [role="button"], [role="slider"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
      const nameOf = (el: Element): string => {
        const aria = el.getAttribute('aria-label')?.trim();
        if (aria) return aria;
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length) return Array.from(labels).map((l) => l.textContent ?? '').join(' ').trim();
        if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return '';
        return (el.textContent ?? '').trim();
      };
      const els = Array.from(document.querySelectorAll(sel));
      return { count: els.length, unnamed: els.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120)) };
    });
    expect(unnamed.count).toBeGreaterThan(15);
    expect(unnamed.unnamed).toEqual([]);

    // And as the browser computes them for assistive technology.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    const interactive = new Set(['button', 'textbox', 'spinbutton', 'combobox', 'slider', 'checkbox', 'link', 'switch', 'radio']);
    const controls = nodes.filter((n) => !n.ignored && interactive.has(n.role?.value ?? ''));
    expect(controls.length).toBeGreaterThan(15);
    expect(controls.filter((n) => !n.name?.value.trim()).map((n) => n.role?.value)).toEqual([]);
    await lab.shot('named');
  });
});

/** Mean luminance of the graph canvas's pixels (from its screenshot). */
async function canvasLuminance(lab: GossipLab): Promise<number> {
  const { data } = await screenshotPixels(lab.canvas);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
  return sum / (data.length / 4);
}
