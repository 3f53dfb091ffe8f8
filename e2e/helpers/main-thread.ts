import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

interface TraceEvent { name: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } }

/**
 * Times the page's main-thread tasks with Chrome's tracing, as CPU time (`tdur`) and wall time.
 * A long-task observer sees wall time only: on a loaded machine a 10 ms task preempted by other
 * processes reads as 70 ms. The CPU time tells our work from the machine's load.
 *
 * @example
 *   const stop = await traceMainThread(browser, page, file);
 *   …
 *   const { maxCpuMs, maxWallMs } = await stop();
 */
export async function traceMainThread(browser: Browser, page: Page, file: string): Promise<() => Promise<{ maxCpuMs: number; maxWallMs: number }>> {
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  return async () => {
    await browser.stopTracing();
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasks = events.filter((e) => e.name === 'RunTask' && main && e.tid === main.tid && e.pid === main.pid);
    if (tasks.length === 0) throw new Error('the trace holds no main-thread task');
    return {
      maxCpuMs: Math.max(...tasks.map((e) => (e.tdur ?? 0) / 1000)),
      maxWallMs: Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000)),
    };
  };
}
