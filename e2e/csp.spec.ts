import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { GossipLab } from './helpers/lab';
import { MembershipLab } from './helpers/membership';
import { playPauseStep } from './helpers/play';

/**
 * The page runs under its own strict Content-Security-Policy (index.html: no eval, no inline
 * script or style). A listener installed before any of the page's scripts records every
 * `securitypolicyviolation` — something the policy blocked, i.e. a feature that would break on a
 * host that sends the policy — while the test uses the page as a visitor does. The fixture fails
 * the test on any console error too.
 */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return () => page.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations]);
}

async function policyOf(page: Page): Promise<string> {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content').then((c) => c ?? '');
}

test.describe('Content-Security-Policy', () => {
  test('a whole session — play, step, Membership mode, share and export — breaks no rule of the policy', async ({ page }, testInfo) => {
    const violations = await recordViolations(page);
    const lab = new GossipLab(page, testInfo);
    await lab.open();

    const policy = await policyOf(page);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');

    // Dissemination: play, pause, step, a random graph (its layout worker), a crash.
    await playPauseStep(lab, 2);
    await lab.resetWith({ Nodes: '600', Topology: 'random' });
    await lab.step(2);
    await lab.inspect(3);
    await lab.inspector.getByRole('button', { name: 'Crash', exact: true }).click();
    await lab.step(1);

    // Share and export: the link, a scenario file, a chart as SVG and as PNG (drawn through an image).
    await lab.button('Copy link').click();
    await expect(page.getByText(/^(Link copied|The link is in the address bar)/)).toBeVisible();
    for (const name of ['Export scenario', 'Export informed chart SVG', 'Export informed chart PNG']) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name, exact: true }).click();
      expect((await download).suggestedFilename()).toMatch(/\.(json|svg|png)$/);
    }

    // Membership mode: play a SWIM run.
    const m = new MembershipLab(page, testInfo);
    await m.open();
    await playPauseStep(m);
    await lab.shot('membership-under-csp');

    expect(await violations()).toEqual([]);
  });

  test('the policy is enforced: an injected inline script and an inline handler are refused and reported', async ({ page, pageProblems }, testInfo) => {
    const violations = await recordViolations(page);
    await new GossipLab(page, testInfo).open();
    // What an injection would try: an inline <script>, an inline event handler.
    await page.evaluate(() => {
      const w = window as unknown as { __ran?: string[] };
      w.__ran = [];
      const script = document.createElement('script');
      script.textContent = 'window.__ran.push("inline script")';
      document.head.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__ran.push("inline handler")');
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await expect.poll(violations).toEqual([
      expect.stringMatching(/^script-src-elem blocked inline/),
      expect.stringMatching(/^script-src-attr blocked inline/),
    ]);
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    // Chromium logs each refusal as a console error: these are the ones this test provoked.
    for (let i = pageProblems.length - 1; i >= 0; i--) if (/Content Security Policy/.test(pageProblems[i])) pageProblems.splice(i, 1);
  });
});
