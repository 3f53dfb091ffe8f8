/**
 * What the browser benchmarks (render, scale, soak) share: their options, building the app,
 * serving it, launching the system Chromium, measuring frames in the page and reading the JS
 * heaps of the page and its workers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The value of `--name=value` on the command line, or `fallback`. */
export const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
export const flag = (name) => process.argv.includes(`--${name}`);

/** Builds the app into `outDir`. */
export function buildApp(outDir) {
  console.log(`Building the app into ${outDir} …`);
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** `path` inside `dir`, never above it. */
export const inside = (dir, path) => join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));

const MIME = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the build in `outDir` on a free local port; `route(path)` may answer a path with
 * another file first. Resolves with the server and the app's URL.
 */
export async function serve(outDir, route = () => undefined) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = route(path) ?? inside(outDir, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Headless Chromium as root without a GPU: $CHROMIUM_PATH, else `chromium` on the PATH; `extraArgs` added. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * Runs in the page (pass it to page.evaluate): over `ms`, animation frames, the renderer's
 * draws (the canvas's draw count) and rounds played (the status line) per second, and the
 * main thread's long tasks.
 */
export async function measureInPage(ms) {
  const longs = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longs.push(e.duration);
  });
  po.observe({ type: 'longtask' });
  const canvas = document.querySelector('[aria-label="Cluster graph"] canvas');
  const draws = () => Number(canvas?.dataset.drawCount ?? 0);
  const round = () => Number(/Round (\d+)/.exec(document.querySelector('[role="status"]')?.textContent ?? '')?.[1] ?? NaN);
  const draws0 = draws(), round0 = round();
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
  const elapsed = (performance.now() - t0) / 1000;
  const drawsPerSecond = canvas ? (draws() - draws0) / elapsed : null, roundsPerSecond = (round() - round0) / elapsed;
  // Long tasks are reported a moment after they end.
  await new Promise((r) => setTimeout(r, 50));
  po.disconnect();
  return { fps: frames / elapsed, draws: drawsPerSecond, roundsPerSecond, longCount: longs.length, longMax: longs.length ? Math.max(...longs) : 0 };
}

/**
 * Returns heaps(): MB in use after a GC, of the page and of each worker (by target title) — the
 * V8 heap, and the array buffers' backing stores (typed arrays live there) — read through the
 * DevTools protocol over the browser's session (workers have no page session of their own).
 */
export async function heapReader(browser) {
  const cdp = await browser.newBrowserCDPSession();
  let messageId = 0;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  /** A command to one target through the browser session. */
  const sendTo = (sessionId, method, params = {}) => {
    const id = ++messageId;
    return new Promise((ok) => {
      pending.set(id, ok);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => ok({}));
      setTimeout(() => ok({}), 20_000);
    });
  };
  return async function heaps() {
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
        const o = (out[name] ??= { heap: 0, buffers: 0 });
        o.heap += r.result.usedSize / 1e6;
        o.buffers += (r.result.backingStorageSize ?? 0) / 1e6;
      }
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
    return out;
  };
}
