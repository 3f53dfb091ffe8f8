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
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir, cpus } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
const sizes = arg('sizes', '500,2000,10000').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 2);
const seconds = Number(arg('seconds', '5'));
const warmup = Number(arg('warmup', '10'));
const speed = Number(arg('speed', '10'));
const only = arg('only', 'both');
const outDir = arg('out', join(tmpdir(), 'gossip-lab-render-bench'));
const viewport = { width: 1280, height: 720 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function build() {
  console.log(`Building the app into ${outDir} …`);
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

/** Serves the build at /, the baseline page at /bench/ and d3 at /bench/vendor/d3.min.js. */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file;
    if (path === '/bench/vendor/d3.min.js') file = join(root, 'node_modules/d3/dist/d3.min.js');
    else if (path.startsWith('/bench/')) file = join(root, 'bench/render', normalize(path.slice(7)).replace(/^(\.\.[/\\])+/, ''));
    else file = join(outDir, normalize(path === '/' ? 'index.html' : path).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Runs in the page: rAF count, long tasks and renderer draws over `ms`. */
async function measureInPage(ms) {
  const longs = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longs.push(e.duration);
  });
  po.observe({ type: 'longtask' });
  const canvas = document.querySelector('[aria-label="Cluster graph"] canvas');
  const draws0 = Number(canvas?.dataset.drawCount ?? 0);
  let frames = 0;
  const t0 = performance.now();
  await new Promise((done) => {
    const tick = () => {
      frames++;
      if (performance.now() - t0 < ms) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  await new Promise((r) => setTimeout(r, 50));
  po.disconnect();
  const elapsed = (performance.now() - t0) / 1000;
  return {
    fps: frames / elapsed,
    draws: canvas ? (Number(canvas.dataset.drawCount ?? 0) - draws0) / elapsed : null,
    longCount: longs.length,
    longMax: longs.length ? Math.max(...longs) : 0,
  };
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
  if (!flag('no-build') || !existsSync(join(outDir, 'index.html'))) build();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
