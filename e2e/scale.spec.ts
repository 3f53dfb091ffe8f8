import type { Locator } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { nearColor, screenshotPixels } from './helpers/pixels';

/**
 * A million nodes in the page (issue 15): past 20,000 nodes the graph is a density view. On the
 * complete graph the disc is ordered by when a node learned the update, so half-way the
 * informed nodes are a disc at the centre and the rest a ring around it; playing reaches every
 * node; zooming in shows single nodes.
 */

const MILLION = '1000000';
/** Okabe–Ito blue (newest version), bluish green (learned this round), the light theme's "knows nothing" grey. */
const NEWEST = [0x00, 0x72, 0xb2], FRESH = [0x00, 0x9e, 0x73], NONE = [0xb8, 0xb8, 0xb8];

interface Rings {
  /** Share of sampled pixels near each colour, inside radius `inner` and between `outer` and the disc's edge. */
  inside: { informed: number; none: number; samples: number };
  outside: { informed: number; none: number; samples: number };
}

/**
 * Samples the canvas's screenshot in two zones around its centre (skipping the flow panel at the
 * top left): a central disc, and the ring between `outer` and 95 % of the drawing's radius.
 */
async function rings(canvas: Locator, inner: number, outer: number): Promise<Rings> {
  const { width, height, data } = await screenshotPixels(canvas);
  // The density view leaves 40 px around the disc; the disc is centred.
  const R = (Math.min(width, height) - 80) / 2, cx = width / 2, cy = height / 2;
  const zone = () => ({ informed: 0, none: 0, samples: 0 });
  const inside = zone(), outside = zone();
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (x < 380 && y < 150) continue; // the flow panel
      const r = Math.hypot(x - cx, y - cy) / R;
      const z = r < inner ? inside : r > outer && r < 0.95 ? outside : null;
      if (!z) continue;
      const i = (y * width + x) * 4;
      z.samples++;
      if (nearColor(data, i, NEWEST, 40) || nearColor(data, i, FRESH, 40)) z.informed++;
      else if (nearColor(data, i, NONE, 40)) z.none++;
    }
  }
  const share = (z: typeof inside) => ({ informed: z.informed / z.samples, none: z.none / z.samples, samples: z.samples });
  return { inside: share(inside), outside: share(outside) };
}

/** Round and informed percent from the status ("Round 7 · Informed <0.1%" reads as 0). */
async function statusOf(status: Locator): Promise<{ round: number; informed: number }> {
  const m = /Round (\d+) · Informed (<)?([\d.]+)%/.exec((await status.textContent()) ?? '');
  if (!m) throw new Error('no status line');
  return { round: Number(m[1]), informed: m[2] ? 0 : Number(m[3]) };
}

test.describe('a million nodes', () => {
  test.setTimeout(240_000);

  test('the density view shows the wave, Play reaches everyone, zooming in shows nodes', async ({ lab, page }) => {
    await lab.select('Topology').selectOption('complete');
    await lab.setField('Nodes', MILLION);
    await expect(lab.field('Nodes')).toHaveValue(MILLION);
    await lab.waitReady();
    const canvas = page.locator('canvas');
    await expect(canvas).toHaveAttribute('data-density-mode', 'pixels', { timeout: 60_000 });
    await expect(lab.canvas).toHaveAttribute('aria-description', /Density view of 1,000,000 nodes, round 0/);

    // Step until about a third to two thirds hold the update (push doubles it each round early on).
    let informed = 0;
    for (let i = 0; i < 40 && informed < 30; i++) {
      const { round } = await statusOf(lab.status);
      await lab.button('Step').click();
      await expect(lab.status).toHaveText(new RegExp(`^Round ${round + 1} · `));
      informed = (await statusOf(lab.status)).informed;
    }
    expect(informed).toBeGreaterThanOrEqual(30);
    expect(informed).toBeLessThan(90);
    await expect(lab.canvas).toHaveAttribute('aria-description', new RegExp(`round ${(await statusOf(lab.status)).round}:`));
    await lab.shot('wave-half-way');
    // The informed nodes fill a disc of radius √share of the drawing's: informed well inside it, uninformed well outside.
    const edge = Math.sqrt(informed / 100);
    const wave = await rings(lab.canvas, edge * 0.7, Math.min(0.9, edge * 1.15));
    console.log(`wave at ${informed}% informed (edge at ${edge.toFixed(2)} of the radius): ${JSON.stringify(wave)}`);
    expect(wave.inside.samples).toBeGreaterThan(1000);
    expect(wave.outside.samples).toBeGreaterThan(1000);
    expect(wave.inside.informed).toBeGreaterThan(0.9);
    expect(wave.outside.none).toBeGreaterThan(0.9);

    // Play converges to everyone at the fastest speed.
    await lab.setSpeed(30);
    await lab.button('Play').click();
    await expect(lab.runState).toHaveText(/^Everyone informed at round \d+$/, { timeout: 120_000 });
    await expect(lab.status).toHaveText(/Informed 100%/);
    await lab.shot('everyone-informed');

    // Zoom in with the keyboard until single nodes are drawn.
    await lab.canvas.focus();
    for (let i = 0; i < 14 && (await canvas.getAttribute('data-density-mode')) !== 'nodes'; i++) await page.keyboard.press('+');
    await expect(canvas).toHaveAttribute('data-density-mode', 'nodes');
    // Three steps more: nodes a dozen pixels apart, each a disc.
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await expect(lab.canvas).toHaveAttribute('aria-description', /Density view/);
    await lab.shot('zoomed-in');
    await page.keyboard.press('0');
    await expect(canvas).toHaveAttribute('data-density-mode', 'pixels');
  });

  test('a random graph at the density budget (10^6 nodes, 4 M links) opens and steps; past it the degree is capped with the reason', async ({ lab, page }) => {
    await lab.setField('Degree', '8');
    await lab.setField('Nodes', MILLION);
    await lab.waitReady();
    await expect(lab.canvas).toHaveAttribute('aria-description', /Density view of 1,000,000 nodes, round 0/, { timeout: 60_000 });
    await lab.button('Step').click();
    await expect(lab.status).toHaveText(/^Round 1 · /);
    await expect(lab.canvas).toHaveAttribute('aria-description', /round 1:/);
    await lab.setField('Degree', '12');
    await expect(page.getByText(/Degree can be at most 8 at 1,000,000 nodes on a random graph: the page holds at most 4,000,000 links/)).toBeVisible();
  });
});
