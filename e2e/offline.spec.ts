import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { MembershipLab } from './helpers/membership';
import { playPauseStep } from './helpers/play';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/**
 * The production build served under a sub-path, as a static host (GitHub Pages' /<repo>/) serves
 * it; every request elsewhere is a 404 and is recorded.
 */
interface DistServer {
  url: string;
  /** Paths asked for outside the prefix. */
  outside: string[];
  /** Set to publish a "new version": sw.js changes by a comment, as a new build changes it. */
  version: number;
  close(): Promise<void>;
}

async function serveDist(prefix: string): Promise<DistServer> {
  const outside: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) {
      outside.push(path);
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    readFile(join(DIST, rel)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' })
        .end(rel === 'sw.js' && handle.version > 1 ? Buffer.concat([body, Buffer.from(`\n// version ${handle.version}\n`)]) : body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: DistServer = {
    url: `http://127.0.0.1:${port}`,
    outside,
    version: 1,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return handle;
}

/** Waits until the service worker is active: it has precached everything the page loads. */
async function serviceWorkerReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? '';
  });
}

/**
 * The build served under `prefix` by its own server, opened in a fresh browser context that
 * records console errors; returns once the service worker is active (it has precached the page).
 */
async function openOnSubPath(browser: Browser, prefix: string) {
  const server = await serveDist(prefix);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const lab = new GossipLab(page, test.info());
  await page.goto(`${server.url}${prefix}`);
  await lab.waitReady();
  const sw = await serviceWorkerReady(page);
  return { server, context, page, problems, lab, sw };
}

/** The page is up after a reload: a run is shown (the remembered one, at its round) and not building. */
async function pageUp(lab: GossipLab): Promise<void> {
  await expect(lab.status).toHaveText(/^Round \d+ · Informed/);
  await expect(lab.runState).not.toHaveText('Building…');
}

test.describe('offline', () => {
  test('after one visit the page comes up with no network, and both modes play', async ({ lab, page, context, pageProblems }) => {
    expect(await serviceWorkerReady(page)).toMatch(/\/sw\.js$/);
    await context.setOffline(true);
    try {
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await pageUp(lab);
      // The network really is gone: what the service worker did not keep cannot be fetched.
      expect(await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then(() => 'fetched', () => 'failed'))).toBe('failed');
      await expect.poll(() => pageProblems.filter((p) => /ERR_INTERNET_DISCONNECTED/.test(p)).length).toBe(1);
      pageProblems.splice(pageProblems.findIndex((p) => /ERR_INTERNET_DISCONNECTED/.test(p)), 1); // the failure just provoked

      // Dissemination: its engine worker comes from the cache too.
      await playPauseStep(lab);

      // Membership: another worker, another chunk.
      const m = new MembershipLab(page, test.info());
      await m.open();
      await playPauseStep(m);
      await lab.shot('offline-membership');
    } finally {
      await context.setOffline(false);
    }
  });

  test('served from a sub-path, the page, its manifest, icons and service worker all stay under it', async ({ browser }) => {
    const { server, context, page, problems, sw } = await openOnSubPath(browser, '/classroom/gossip/');
    try {
      expect(new URL(sw).pathname).toBe('/classroom/gossip/sw.js');
      expect(new URL(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).pathname).toBe('/classroom/gossip/');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifestUrl = new URL(href!, page.url());
      expect(manifestUrl.pathname).toBe('/classroom/gossip/manifest.webmanifest');
      const manifest = await (await context.request.get(manifestUrl.href)).json();
      expect(manifest).toMatchObject({ name: 'Gossip Lab', start_url: '.', scope: '.', display: 'standalone' });
      for (const icon of manifest.icons as { src: string; type: string }[]) {
        const r = await context.request.get(new URL(icon.src, manifestUrl).href);
        expect(r.ok(), icon.src).toBe(true);
        expect(r.headers()['content-type']).toContain(icon.type);
      }
      expect(server.outside, 'requests outside the sub-path').toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a new version announces itself and waits: the running demo goes on until the user reloads', async ({ browser }) => {
    const { server, context, page, problems, lab } = await openOnSubPath(browser, '/app/');
    try {
      await page.reload(); // a second visit: the page is now the service worker's
      await lab.waitReady();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const prompt = page.getByRole('region', { name: 'Update available' });
      await expect(prompt).toHaveCount(0);

      await lab.setSpeed(5);
      await lab.button('Play').click();
      await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
      server.version = 2;
      // What the page does every hour, and the browser on every navigation: look for a new version.
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      await expect(prompt.getByRole('button', { name: 'Update available — reload' })).toBeVisible();
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

      // Nothing switched: the same document, still playing, rounds still coming.
      const before = (await lab.reading()).round;
      await expect.poll(async () => (await lab.reading()).round, { timeout: 10_000 }).toBeGreaterThan(before + 1);
      await expect(lab.runState).toHaveText('Playing');
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      await lab.shot('update-available');

      // "Later" hides it for this visit; Reload takes the new version.
      await prompt.getByRole('button', { name: 'Later' }).click();
      await expect(prompt).toHaveCount(0);
      await page.reload();
      await pageUp(lab); // the remembered run comes back at the round it had reached
      await expect(prompt).toBeVisible({ timeout: 20_000 }); // still waiting: a reload alone does not switch
      await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
      await prompt.getByRole('button', { name: 'Update available — reload' }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? false).catch(() => null)).toBe(false);
      await pageUp(lab);
      await expect(prompt).toHaveCount(0);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
