#!/usr/bin/env node
/**
 * Soak benchmark (issue 16; not in CI): the built page plays for a long time with churn in
 * both modes — half the time in Dissemination, half in Membership — at the speed cap, and the
 * JS heap of the page and of every worker is sampled. A leak shows as growth; the target is
 * memory flat within 10 % between the first and the last sample of each mode (after warm-up).
 *
 *   npm run bench:soak [-- --minutes=30 --every=30 --no-build]
 *
 * Heaps are read through the Chrome DevTools Protocol (Runtime.getHeapUsage) after a forced
 * garbage collection in each target, so what is measured is what stays alive.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, buildApp, flag, heapReader, launchChromium, serve } from './browser.mjs';

const minutes = Number(arg('minutes', '30'));
const every = Number(arg('every', '30'));
const outDir = arg('out', join(tmpdir(), 'gossip-lab-soak'));

if (!flag('no-build')) buildApp(outDir);
const { server, url } = await serve(outDir);
const browser = await launchChromium(['--js-flags=--expose-gc']);
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const heapsByTarget = await heapReader(browser);
/** MB of JS heap in use, after a GC, of the page and each of its workers (by target title). */
const heaps = async () => Object.fromEntries(Object.entries(await heapsByTarget()).map(([name, h]) => [name, h.heap]));

/** Keeps the run going: a run that converged (or a story that paused) gets a nudge and plays on. */
async function keepPlaying(nudge) {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible().catch(() => false)) {
    await nudge();
    await play.click().catch(() => {});
  }
}

async function soak(label, setUp, nudge) {
  await setUp();
  const samples = [];
  const end = Date.now() + (minutes / 2) * 60_000;
  let first = true;
  while (Date.now() < end) {
    await page.waitForTimeout(first ? Math.min(60, every) * 1000 : every * 1000);
    first = false;
    await keepPlaying(nudge);
    const h = await heaps();
    const round = await page.getByRole('status').first().innerText().then((t) => /Round (\d+)/.exec(t)?.[1] ?? '?');
    samples.push(h);
    console.log(`${label}  t=${((Date.now() - end) / 60_000 + minutes / 2).toFixed(1)} min  round ${round}  ${Object.entries(h).map(([k, v]) => `${k} ${v.toFixed(1)} MB`).join('  ')}`);
  }
  const total = (h) => Object.values(h).reduce((a, b) => a + b, 0);
  if (samples.length >= 2) {
    const a = total(samples[0]), b = total(samples.at(-1));
    console.log(`${label}: ${a.toFixed(1)} MB → ${b.toFixed(1)} MB (${(((b - a) / a) * 100).toFixed(1)} %; flat means within ±10 %)`);
  }
}

await page.goto(url);
await page.getByRole('button', { name: 'Play', exact: true }).waitFor();

await soak('dissemination', async () => {
  const field = (name) => page.getByRole('spinbutton', { name, exact: true });
  await field('Nodes').fill('2000');
  const advanced = page.getByText('Advanced settings', { exact: false }).first();
  if (await advanced.isVisible().catch(() => false)) await advanced.click().catch(() => {});
  await field('Crash rate').fill('1').catch(() => {});
  await field('Recover rate').fill('20').catch(() => {});
  await page.waitForTimeout(1500);
  await page.getByRole('slider', { name: 'Speed', exact: true }).fill('30');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
}, () => page.getByRole('button', { name: 'Write update', exact: true }).click().catch(() => {}));

await soak('membership', async () => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => {});
  await page.getByRole('tab', { name: 'Membership', exact: true }).click();
  await page.getByRole('button', { name: 'False positives on a lossy network', exact: true }).click();
  await page.waitForTimeout(1000);
  await page.getByRole('slider', { name: 'Speed', exact: true }).fill('30');
}, async () => {});

await browser.close();
server.close();
