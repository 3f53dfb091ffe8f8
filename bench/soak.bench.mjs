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
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const minutes = Number(arg('minutes', '30'));
const every = Number(arg('every', '30'));
const outDir = arg('out', join(tmpdir(), 'gossip-lab-soak'));
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json' };

if (!process.argv.includes('--no-build')) {
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join(outDir, normalize(path === '/' ? 'index.html' : path).replace(/^(\.\.[/\\])+/, ''));
  if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const cdp = await browser.newBrowserCDPSession();

let messageId = 0;
const pending = new Map();
cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
  const m = JSON.parse(message);
  pending.get(m.id)?.(m);
  pending.delete(m.id);
});
/** A command to one target through the browser session (workers have no page session of their own). */
function sendTo(sessionId, method, params = {}) {
  const id = ++messageId;
  return new Promise((ok) => {
    pending.set(id, ok);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => ok({}));
    setTimeout(() => ok({}), 10_000);
  });
}

/** MB of JS heap in use, after a GC, of the page and each of its workers (by target title). */
async function heaps() {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const out = {};
  for (const t of targetInfos.filter((x) => x.type === 'page' || x.type === 'worker')) {
    let sessionId;
    try {
      ({ sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false }));
    } catch {
      continue; // a worker that ended between the listing and the attach
    }
    await sendTo(sessionId, 'HeapProfiler.collectGarbage');
    const r = await sendTo(sessionId, 'Runtime.getHeapUsage');
    if (r.result?.usedSize !== undefined) {
      const name = t.type === 'page' ? 'page' : (t.title || t.url.split('/').pop() || 'worker');
      out[name] = (out[name] ?? 0) + r.result.usedSize / 1e6;
    }
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
  return out;
}

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
