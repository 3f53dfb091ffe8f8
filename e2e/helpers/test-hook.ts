import type { BrowserContext } from '@playwright/test';

/**
 * The page's read-only test hook (`window.__gossipLab`, src/hooks/useTestHook.ts) is installed
 * only when a page asks for it before its scripts run; the production page has no such global
 * otherwise. Every page of this context asks.
 */
export async function askForTestHook(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { __gossipLabWantsTestHook?: boolean }).__gossipLabWantsTestHook = true;
  });
}
