import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { MembershipLab } from './helpers/membership';

/**
 * The page as a room sees it: the graph's share of the screen, the controls a teacher reaches
 * for without scrolling, a phone with no sideways scroll, and the screenshots the README shows
 * (written to docs/screens/, committed).
 */
type Named = [role: 'button' | 'slider' | 'spinbutton' | 'combobox', name: string];
const NAMED: Named[] = [
  ['button', 'Play'], ['button', 'Step'], ['button', 'Reset'], ['slider', 'Speed'],
  ['spinbutton', 'Nodes'], ['combobox', 'Protocol'], ['spinbutton', 'Packet loss'],
];

/** Membership's fanout is memberlist's "Gossip nodes" (SWIM, the default protocol). */
const MODES = [
  { mode: 'dissemination', graph: 'Cluster graph', fanout: 'Fanout' },
  { mode: 'membership', graph: 'Membership graph', fanout: 'Gossip nodes' },
] as const;

const VIEWPORTS = [
  { width: 1280, height: 720, share: 0.5 },
  { width: 1024, height: 768, share: 0.5 },
  { width: 1920, height: 1080, share: 0.55 },
] as const;

async function openMode(page: Page, mode: (typeof MODES)[number]['mode'], testInfo: Parameters<Parameters<typeof test>[2]>[1]): Promise<void> {
  if (mode === 'membership') await new MembershipLab(page, testInfo).open();
}

/** The element's box lies wholly inside the viewport (no page scroll, no scrolled-away panel). */
async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = (await locator.boundingBox())!;
  const vp = page.viewportSize()!;
  expect.soft(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect.soft(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, `${what} right`).toBeLessThanOrEqual(vp.width);
  expect.soft(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(vp.height);
  // Inside a scrolling panel, the point at its centre must be the element itself (not clipped away).
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return at !== null && (el === at || el.contains(at) || at.contains(el) || (el as HTMLInputElement).labels?.[0]?.contains(at) === true);
  });
  expect.soft(hit, `${what} is not hidden under something or scrolled away`).toBe(true);
}

async function canvasShare(page: Page, graph: string): Promise<number> {
  const box = (await page.getByRole('region', { name: graph, exact: true }).boundingBox())!;
  const vp = page.viewportSize()!;
  return (box.width * box.height) / (vp.width * vp.height);
}

for (const { mode, graph, fanout } of MODES) {
  test.describe(`the ${mode} stage`, () => {
    for (const { width, height, share } of VIEWPORTS) {
      test(`at ${width}×${height} the graph takes ≥ ${Math.round(share * 100)} % and the named controls are in view`, async ({ lab, page }, testInfo) => {
        await page.setViewportSize({ width, height });
        await openMode(page, mode, testInfo);
        const measured = await canvasShare(page, graph);
        testInfo.annotations.push({ type: 'canvas share', description: `${mode} ${width}×${height}: ${(measured * 100).toFixed(1)} %` });
        console.log(`canvas share ${mode} ${width}×${height}: ${(measured * 100).toFixed(1)} %`);
        expect(measured).toBeGreaterThanOrEqual(share);
        for (const [role, name] of [...NAMED, ['spinbutton', fanout] as Named]) await expectInView(page, page.getByRole(role, { name, exact: true }), `${role} ${name}`);
        const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
        expect(scroll, 'the page itself does not scroll').toEqual({ w: width, h: height });
        if (width !== 1920) {
          await page.screenshot({ path: `docs/screens/${mode}-${width}x${height}.png` });
          await lab.button('Presenter mode').click();
          await expect(page.getByRole('region', { name: 'Presenter mode' })).toBeVisible();
          await page.waitForTimeout(400);
          await page.screenshot({ path: `docs/screens/${mode}-presenter-${width}x${height}.png` });
          await page.keyboard.press('Escape');
        }
      });
    }

    test('on a phone the graph comes first, the controls follow, nothing scrolls sideways', async ({ lab, page }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openMode(page, mode, testInfo);
      void lab; // the page is loaded by the fixture
      const g = (await page.getByRole('region', { name: graph, exact: true }).boundingBox())!;
      const play = (await page.getByRole('button', { name: 'Play', exact: true }).boundingBox())!;
      expect(play.y, 'controls below the graph').toBeGreaterThan(g.y + g.height - 1);
      expect(g.x).toBeGreaterThanOrEqual(0);
      expect(g.x + g.width).toBeLessThanOrEqual(390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'no horizontal scroll').toBe(0);
      await page.screenshot({ path: `docs/screens/${mode}-phone-390x844.png` });
    });
  });
}

test('the side drawer opens with one click, and stays open after a reload', async ({ lab, page }) => {
  const charts = page.getByRole('tab', { name: 'Charts', exact: true });
  await charts.click();
  await expect(page.getByRole('region', { name: 'Informed nodes per round' })).toBeVisible();
  await page.reload();
  await lab.waitReady();
  await expect(page.getByRole('region', { name: 'Informed nodes per round' })).toBeVisible();
  await page.getByRole('button', { name: 'Fold panels', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Informed nodes per round' })).toBeHidden();
});

test('high contrast: black on white, outlined nodes, the choice pressed', async ({ lab, page }) => {
  const toggle = page.getByRole('button', { name: 'High contrast', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\bcontrast\b/);
  await expect(lab.status).toHaveCSS('color', 'rgb(0, 0, 0)');
  await lab.step(3);
  await page.screenshot({ path: 'docs/screens/dissemination-contrast-1280x720.png' });
  await toggle.click();
  await expect(page.locator('html')).not.toHaveClass(/\bcontrast\b/);
});
