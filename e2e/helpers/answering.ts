import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { GossipLab } from './lab';

/**
 * "The page keeps answering" (issue 16), measured: no main-thread task over 1 s, the JS heap
 * under 400 MB, and Reset rebuilding at once.
 */

/**
 * Every long task (> 50 ms) the main thread runs, recorded from the first script on. Leaves
 * the page the fixture opened (a hash change alone would not load the page again).
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('about:blank');
}

export interface Health {
  longestTaskMs: number;
  heapMB: number;
}

export async function health(page: Page): Promise<Health> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    const memory = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory;
    return { longestTaskMs: Math.max(0, ...tasks), heapMB: memory.usedJSHeapSize / 1e6 };
  });
}

/** The page answered throughout, and Reset builds a fresh run at once. */
export async function expectAnswering(lab: GossipLab, what: string): Promise<void> {
  const h = await health(lab.page);
  const figures = `longest main-thread task ${h.longestTaskMs.toFixed(0)} ms, JS heap ${h.heapMB.toFixed(1)} MB`;
  test.info().annotations.push({ type: what, description: figures });
  console.log(`${what}: ${figures}`);
  expect(h.longestTaskMs, `${what}: longest main-thread task`).toBeLessThan(1000);
  expect(h.heapMB, `${what}: JS heap (MB)`).toBeLessThan(400);
  const started = Date.now();
  await lab.button('Reset').click();
  await lab.waitReady();
  const resetMs = Date.now() - started;
  test.info().annotations.push({ type: `${what}: reset`, description: `${resetMs} ms` });
  console.log(`${what}: Reset to a built run in ${resetMs} ms`);
  expect(resetMs, `${what}: Reset`).toBeLessThan(3000);
  expect((await health(lab.page)).longestTaskMs, `${what}: longest task after Reset`).toBeLessThan(1000);
}

