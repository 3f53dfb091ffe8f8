#!/usr/bin/env node
/**
 * The page at a million nodes (issue 15): the built app in headless Chromium at 1280×720,
 * driven through its accessible controls like a user.
 *
 *   npm run bench:scale [-- --nodes=1000000 --topology=complete --seconds=10 --rounds=200 --seeks=8 --no-build]
 *
 * Measures, in order:
 *  - first frame after a rebuild: Reset pressed → the density view has drawn round 0 of the new
 *    run (the canvas's aria-description names round 0 and its draw count moved), three times;
 *  - playing at the speed cap (30 rounds/s) with 90 % packet loss, so the run keeps spreading for
 *    the whole window: rounds per second (the status line), animation frames per second, the
 *    renderer's draws per second and main-thread long tasks;
 *  - the JS heap of the page and of every worker (after a forced GC, through the DevTools
 *    protocol) once the run has reached `--rounds` rounds;
 *  - seek: the Timeline slider set to random rounds (seeded), time until the status and the
 *    drawing show the round.
 * Targets (issue 15): ≥ 20 rounds/s at ≥ 30 fps; first frame ≤ 2 s; seek ≤ 500 ms; heap < 400 MB.
 */
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, buildApp, flag, heapReader, launchChromium, measureInPage, root, serve } from './browser.mjs';

const nodes = arg('nodes', '1000000');
const topology = arg('topology', 'complete');
const seconds = Number(arg('seconds', '10'));
const targetRounds = Number(arg('rounds', '200'));
const seeks = Number(arg('seeks', '8'));
const outDir = flag('no-build') ? join(root, 'dist') : join(tmpdir(), 'gossip-lab-scale-bench');

if (!flag('no-build')) buildApp(outDir);
const { server, url } = await serve(outDir);
const browser = await launchChromium(['--enable-precise-memory-info']);
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const heaps = await heapReader(browser);

const status = page.getByRole('status').first();
const graph = page.getByRole('region', { name: 'Cluster graph' });
const canvas = graph.locator('canvas');
const button = (name) => page.getByRole('button', { name, exact: true });
const roundNow = async () => Number(/Round (\d+)/.exec(await status.innerText())?.[1] ?? NaN);
const drawCount = async () => Number((await canvas.getAttribute('data-draw-count')) ?? 0);
/** Waits (polling in the page) until the drawing describes round `round`; resolves with performance.now() there. */
const drawnRound = (round) => page.waitForFunction((r) => {
  const d = document.querySelector('[aria-label="Cluster graph"]')?.getAttribute('aria-description') ?? '';
  return new RegExp(`round ${r}:`).test(d) ? performance.now() : false;
}, round, { timeout: 120_000, polling: 'raf' }).then((h) => h.jsonValue());

console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await page.goto(url);
await button('Play').waitFor();
await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption(topology);
await page.getByRole('spinbutton', { name: 'Packet loss', exact: true }).fill('90');
await page.getByRole('spinbutton', { name: 'Nodes', exact: true }).fill(nodes);
await page.waitForFunction(() => document.querySelector('[aria-label="Cluster graph"] canvas')?.getAttribute('data-density-mode') === 'pixels', null, { timeout: 120_000 });
await drawnRound(0);

// First frame after a rebuild.
const firsts = [];
for (let i = 0; i < 3; i++) {
  const before = await drawCount();
  const t0 = await page.evaluate(() => performance.now());
  await button('Reset').click();
  // The old run's round 0 also reads "round 0": wait for a draw after the click, then for round 0.
  await page.waitForFunction((b) => Number(document.querySelector('[aria-label="Cluster graph"] canvas')?.getAttribute('data-draw-count') ?? 0) > b, before);
  await page.getByText(/^Ready$/).waitFor({ timeout: 120_000 });
  const t1 = await drawnRound(0);
  firsts.push(t1 - t0);
}
console.log(`first frame after Reset (${nodes} nodes, ${topology}): ${firsts.map((x) => x.toFixed(0)).join(', ')} ms (target ≤ 2000)`);

// Playing at the cap.
await page.getByRole('slider', { name: 'Speed', exact: true }).fill('30');
await button('Play').click();
await page.waitForTimeout(2000);
const play = await page.evaluate(measureInPage, seconds * 1000);
console.log(`playing (speed cap 30, loss 90 %): ${play.roundsPerSecond.toFixed(1)} rounds/s, ${play.fps.toFixed(1)} fps, ${play.draws.toFixed(1)} draws/s, ${play.longCount} long tasks (longest ${play.longMax.toFixed(0)} ms) (target ≥ 20 rounds/s at ≥ 30 fps)`);

// The heap once the run holds `targetRounds` rounds.
// On a quiet machine the run can converge first and pause itself (everyone informed): then it holds what it ran.
await page.waitForFunction((n) => Number(/Round (\d+)/.exec(document.querySelector('[role="status"]')?.textContent ?? '')?.[1] ?? 0) >= n
  || [...document.querySelectorAll('button')].some((b) => b.textContent?.trim().endsWith('Play') && !b.disabled && b.getAttribute('aria-keyshortcuts')?.includes('Space')), targetRounds, { timeout: 600_000, polling: 500 });
if (await button('Pause').isVisible()) await button('Pause').click();
const last = await roundNow();
const heap = await heaps();
const total = Object.values(heap).reduce((a, b) => a + b.heap + b.buffers, 0);
const held = await page.getByText(/Time travel holds/).innerText().catch(() => '(no time-travel line)');
console.log(`memory after ${last} rounds (after GC): ${Object.entries(heap).map(([k, v]) => `${k} V8 heap ${v.heap.toFixed(1)} MB + array buffers ${v.buffers.toFixed(1)} MB`).join('; ')}; all together ${total.toFixed(1)} MB (target < 400) · ${held}`);

// Seeks to random rounds (seeded, so runs compare).
let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const seekMs = [];
for (let i = 0; i < seeks; i++) {
  const target = Math.floor(rand() * last);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('slider', { name: 'Timeline', exact: true }).fill(String(target));
  const t1 = await drawnRound(target);
  seekMs.push([target, t1 - t0]);
}
const sorted = seekMs.map(([, ms]) => ms).sort((a, b) => a - b);
console.log(`seek: ${seekMs.map(([r, ms]) => `round ${r} ${ms.toFixed(0)} ms`).join(', ')}; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms (target ≤ 500)`);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await browser.close();
server.close();
