import { test as base, expect } from '@playwright/test';
import { GossipLab } from './lab';
import { askForTestHook } from './test-hook';

export { expect };

interface Fixtures {
  /** Console errors and uncaught page errors seen during the test; the test fails on any. */
  pageProblems: string[];
  /** The page, loaded and ready (Round 0 drawn, Play enabled), with helpers. */
  lab: GossipLab;
}

export const test = base.extend<Fixtures>({
  // Every page of a test may read the state hash (the hook is opt-in: see test-hook.ts).
  context: async ({ context }, use) => {
    await askForTestHook(context);
    await use(context);
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('crash', () => problems.push('the page crashed'));
      await use(problems);
      expect(problems, 'console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  lab: async ({ page }, use, testInfo) => {
    const lab = new GossipLab(page, testInfo);
    await lab.open();
    await use(lab);
  },
});
