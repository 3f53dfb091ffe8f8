#!/usr/bin/env node
/**
 * Render benchmark: frames per second and main-thread long tasks of the built app while it
 * plays, against the d3 gallery's SVG force-directed graph on the same graph sizes, in the same
 * run and browser (absolute numbers on a shared machine are noise; the ratio is the result).
 *
 *   npm run bench:render [-- --sizes=500,2000,10000 --seconds=5 --warmup=10 --speed=10 --no-build]
 *
 * Our app is driven through its accessible controls (Nodes, Topology, Degree, Packet loss,
 * Reset, Speed, Play) like a user would; 90 % packet loss keeps the gossip spreading (the
 * page pauses once everyone knows). The baseline is bench/render/svg-baseline.html.
 */
import { existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, buildApp, flag, inside, launchChromium, measureInPage, root, serve } from './browser.mjs';

const sizes = arg('sizes', '500,2000,10000').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 2);
const seconds = Number(arg('seconds', '5'));
const warmup = Number(arg('warmup', '10'));
const speed = Number(arg('speed', '10'));
const only = arg('only', 'both');
const outDir = arg('out', join(tmpdir(), 'gossip-lab-render-bench'));
const viewport = { width: 1280, height: 720 };

/** Beside the build: the baseline page at /bench/ and d3 at /bench/vendor/d3.min.js. */
function baseline(path) {
  if (path === '/bench/vendor/d3.min.js') return join(root, 'node_modules/d3/dist/d3.min.js');
  if (path.startsWith('/bench/')) return inside(join(root, 'bench/render'), path.slice(7));
  return undefined;
}

async function runSvg(browser, base, n) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/bench/svg-baseline.html?n=${n}&degree=6&rate=${speed}`);
  await page.waitForSelector('circle', { timeout: 120_000 });
  await page.waitForTimeout(warmup * 1000);
  const m = await page.evaluate(measureInPage, seconds * 1000);
  await page.close();
  return m;
}

/**
 * Three phases of our app: `settling` (measured from the moment Play is pressed after Reset,
 * while the force layout still runs), `playing` (after the warm-up, layout done) and `panning`
 * (playing while the mouse drags the view the whole time: every frame redraws the link layer,
 * the renderer's worst case).
 */
async function runApp(browser, base, n) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  const number = (name) => page.getByRole('spinbutton', { name, exact: true });
  await number('Nodes').fill(String(n));
  await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption('random');
  await number('Degree').fill('6');
  await number('Packet loss').fill('90');
  await page.getByRole('slider', { name: 'Speed', exact: true }).fill(String(speed));
  const graph = page.locator('[aria-label="Cluster graph"]');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await graph.and(page.locator(`[aria-description*="${n} nodes, random"]`)).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const settling = await page.evaluate(measureInPage, seconds * 1000);
  await page.waitForTimeout(Math.max(0, warmup - seconds) * 1000);
  const playing = await page.evaluate(measureInPage, seconds * 1000);
  const box = await graph.boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const pending = page.evaluate(measureInPage, seconds * 1000);
  const t0 = Date.now();
  for (let a = 0; Date.now() - t0 < seconds * 1000; a += 0.15) await page.mouse.move(cx + 60 * Math.cos(a), cy + 60 * Math.sin(a));
  const panning = await pending;
  await page.mouse.up();
  const stillPlaying = await page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
  const summary = await graph.getAttribute('aria-description');
  await page.close();
  return { settling, playing, panning, stillPlaying, summary, errors };
}

const f1 = (x) => (x == null ? '–' : x.toFixed(1));

async function main() {
  if (!flag('no-build') || !existsSync(join(outDir, 'index.html'))) buildApp(outDir);
  const { server, url } = await serve(outDir, baseline);
  const base = url.slice(0, -1);
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const n of sizes) {
      const app = only === 'svg' ? null : await runApp(browser, base, n);
      const svg = only === 'app' ? null : await runSvg(browser, base, n);
      rows.push({ n, app, svg });
      console.log(`${n} nodes done: ${app?.summary ?? ''}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nHeadless Chromium ${browser.version?.() ?? ''}, software rendering, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${viewport.width}×${viewport.height}, random graph mean degree 6, ${speed} rounds/s, ${warmup} s warm-up, ${seconds} s measured\n`);
  const cell = (m, withDraws) => (m ? `${f1(m.fps)}${withDraws ? ` / ${f1(m.draws)}` : ''} · ${m.longCount} (${Math.round(m.longMax)})` : '–');
  console.log('fps / renderer draws per s · long tasks (longest, ms); ratio = ours playing fps / SVG fps\n');
  console.log('| nodes | ours settling | ours playing | ours panning | SVG example | ours / SVG |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const { n, app, svg } of rows) {
    const ratio = app && svg && svg.fps > 0 ? `${(app.playing.fps / svg.fps).toFixed(1)}×` : '–';
    console.log(`| ${n} | ${cell(app?.settling, true)} | ${cell(app?.playing, true)} | ${cell(app?.panning, true)} | ${cell(svg, false)} | ${ratio} |`);
  }
  for (const { n, app } of rows) {
    if (app && !app.stillPlaying) console.log(`note: at ${n} nodes the app was no longer playing at the end (${app.summary}).`);
    if (app?.errors.length) console.log(`note: page errors at ${n} nodes: ${app.errors.join('; ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
