import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { GossipLab } from './lab';
import { askForTestHook } from './test-hook';

/**
 * Time travel and whole runs as a user drives them (the Timeline slider, Step back, Continue
 * from here, Copy link), plus the page's read-only test hook: a hash of the state shown, so two
 * pages can be compared round for round without reading pixels.
 */
export function timeline(page: Page): Locator {
  return page.getByRole('slider', { name: 'Timeline', exact: true });
}

/** "round:hash" of every node's versions, liveness and group in the frame shown. */
export async function stateHash(page: Page): Promise<string> {
  const h = await page.evaluate(() => (window as unknown as { __gossipLab?: { stateHash(): string | null } }).__gossipLab?.stateHash() ?? null);
  if (h === null) throw new Error('the page shows no frame yet');
  return h;
}

/** Waits until the frame shown is of `round` (status and hash agree), then returns its hash. */
export async function hashAt(lab: GossipLab, round: number): Promise<string> {
  await lab.expectRound(round);
  await expect.poll(() => stateHash(lab.page).catch(() => '')).toMatch(new RegExp(`^${round}:`));
  return stateHash(lab.page);
}

/** Drags the Timeline slider to `round` and waits for it to be shown. */
export async function seek(lab: GossipLab, round: number): Promise<string> {
  await timeline(lab.page).fill(String(round));
  await expect(timeline(lab.page)).toHaveValue(String(round));
  return hashAt(lab, round);
}

/** The run rebuilt from a link has caught up: no "Rebuilding…" and Play usable again. */
export async function waitCaughtUp(lab: GossipLab, round: number): Promise<void> {
  await lab.expectRound(round);
  await expect(lab.page.getByText(/^Rebuilding the run/)).toHaveCount(0);
  await expect(lab.button('Play')).toBeEnabled();
}

/** Copy link, and the link it put in the address bar. */
export async function copyLink(lab: GossipLab): Promise<string> {
  await lab.button('Copy link').click();
  await expect(lab.page.getByText(/^(Link copied|The link is in the address bar)/)).toBeVisible();
  const url = lab.page.url();
  expect(url).toMatch(/#run=[A-Za-z0-9_-]+$/);
  return url;
}

/** A second, fresh browser (its own storage), watched for errors like the first. */
export async function freshPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await askForTestHook(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`second page console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`second page pageerror: ${e.message}`));
  return page;
}
