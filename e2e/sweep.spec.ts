import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import type { GossipLab } from './helpers/lab';
import { traceMainThread } from './helpers/main-thread';

/** Opens the Sweep dialog over a 1000-node push run on the complete graph, seed 1. */
async function openSweep(lab: GossipLab, play = false): Promise<void> {
  await lab.resetWith({ Nodes: '1000', Topology: 'complete', Protocol: 'push', Fanout: '1', Seed: '1' });
  if (play) {
    // The graph keeps playing behind the dialog while the sweep runs: slowly, so it lasts the sweep.
    await lab.setSpeed(2);
    await lab.button('Play').click();
    await expect(lab.button('Pause')).toBeVisible();
  }
  await lab.page.getByRole('button', { name: /^Sweep a parameter…/ }).click();
  await expect(lab.page.getByRole('dialog', { name: 'Sweep' })).toBeVisible();
}

async function fillSweep(page: Page, values: { from: string; to: string; steps: string; trials: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sweep' });
  await dialog.getByRole('combobox', { name: 'Parameter' }).selectOption('fanout');
  await dialog.getByRole('spinbutton', { name: 'From' }).fill(values.from);
  await dialog.getByRole('spinbutton', { name: 'To' }).fill(values.to);
  await dialog.getByRole('spinbutton', { name: 'Steps' }).fill(values.steps);
  await dialog.getByRole('spinbutton', { name: 'Trials per point' }).fill(values.trials);
}

/** Long tasks on the page's main thread from now on, in ms. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

const trialWorkers = (page: Page): number => page.workers().filter((w) => /trial\.worker/.test(w.url())).length;

test.describe('sweep', () => {
  test('fanout 1–4 at 1000 nodes, 50 trials: progress to 100 %, falling rounds, CSV equal to the CLI, no long task', async ({ lab, page, browser }, testInfo) => {
    test.setTimeout(120_000);
    await openSweep(lab, true);
    await fillSweep(page, { from: '1', to: '4', steps: '4', trials: '50' });
    const longTasks = await watchLongTasks(page);
    const stopTrace = await traceMainThread(browser, page, testInfo.outputPath('trace.json'));
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const bar = page.getByRole('progressbar', { name: 'Sweep progress' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
    await expect(page.getByText(/^100% · 200 of 200 trials in /)).toBeVisible();
    const { maxCpuMs, maxWallMs } = await stopTrace();
    // Our work on the main thread, whatever the machine's load: no task over 50 ms of CPU.
    expect(maxCpuMs, 'the longest main-thread task, in ms of CPU').toBeLessThan(50);
    // What a user would feel: the long-task observer's wall time. On a machine loaded far past
    // its cores (the shared 2-core development box reaches a load of 13) preemption alone
    // stretches a 12 ms task to 70–120 ms of wall time, so there the observer's figures are
    // recorded beside the CPU time rather than asserted; on a machine with cores to spare they are.
    const observed = await longTasks();
    const loadPerCore = loadavg()[0] / availableParallelism();
    const note = `long tasks ${JSON.stringify(observed)} ms; longest task ${maxCpuMs.toFixed(1)} ms CPU, ${maxWallMs.toFixed(1)} ms wall; load ${loadPerCore.toFixed(1)} per core`;
    testInfo.annotations.push({ type: 'main thread', description: note });
    if (loadPerCore <= 1) expect(observed, note).toEqual([]);
    // …and the graph went on playing meanwhile.
    expect((await lab.reading()).round).toBeGreaterThan(0);

    // The table: the median of rounds (first number of its cell) falls as the fanout grows.
    const rows = page.getByRole('dialog').getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(4);
    const medians: number[] = [];
    for (let i = 0; i < 4; i++) medians.push(Number((await rows.nth(i).locator('td').nth(1).textContent())!.split(' ')[0]));
    for (let i = 1; i < 4; i++) expect(medians[i], `median rounds at fanout ${i + 1} vs ${i}`).toBeLessThan(medians[i - 1]);

    await page.getByText('The same numbers from the command line').click();
    await page.screenshot({ path: testInfo.outputPath('sweep-panel.png') });

    // The CSV against the CLI: run each command the panel shows and compare the figures as printed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => l.split(','));
    const head = csv[0];
    const col = (row: string[], name: string): string => row[head.indexOf(name)];
    const commands = ((await page.getByLabel('Equivalent CLI commands').textContent()) ?? '').trim().split('\n');
    expect(commands).toHaveLength(4);
    expect(csv).toHaveLength(5);
    for (let i = 0; i < 4; i++) {
      const args = commands[i].replace(/^npm run --silent sim -- /, '').split(' ');
      expect(args).toEqual(['--nodes', '1000', '--protocol', 'push', ...(i > 0 ? ['--fanout', String(i + 1)] : []), '--trials', '50', '--seed', '1']);
      const cli = JSON.parse(execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8' })) as Record<string, Record<string, number>>;
      const row = csv[i + 1];
      expect(col(row, 'value')).toBe(String(i + 1));
      for (const m of ['rounds', 'messages'] as const) {
        for (const s of ['p50', 'p95', 'mean'] as const) expect(col(row, `${m}_${s}`), `${m} ${s} at fanout ${i + 1}`).toBe(String(cli[m][s]));
      }
      expect(Number(col(row, 'theory_rounds'))).toBeCloseTo(cli.theory.literatureRounds, 6);
    }
  });

  test('Cancel mid-sweep terminates the trial workers and the progress stops', async ({ lab, page }) => {
    await openSweep(lab);
    await fillSweep(page, { from: '1', to: '4', steps: '4', trials: '1000' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const bar = page.getByRole('progressbar', { name: 'Sweep progress' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(trialWorkers(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText(/Cancelled after [\d,]+ of 4,000 trials/)).toBeVisible();
    await expect.poll(() => trialWorkers(page)).toBe(0);
    const at = await bar.getAttribute('aria-valuenow');
    expect(Number(at)).toBeLessThan(100);
    await page.waitForTimeout(500);
    await expect(bar).toHaveAttribute('aria-valuenow', at!);
    await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  });

  test('a reversed range or zero trials is refused with a message, and nothing runs', async ({ lab, page }) => {
    await openSweep(lab);
    await fillSweep(page, { from: '4', to: '1', steps: '4', trials: '50' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Fanout: the range is reversed \(from 4 to 1\); put the smaller value first\./);
    await fillSweep(page, { from: '1', to: '4', steps: '4', trials: '0' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Trials per point must be a whole number from 1 to 1,000/);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(trialWorkers(page)).toBe(0);
    // Keyboard: Escape closes the dialog, focus returns to its opener.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Sweep' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Sweep a parameter…/ })).toBeFocused();
    // Enter opens it again, and Tab walks from Close through every control to Run sweep.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sweep' });
    await expect(dialog).toBeVisible();
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      names.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? (el?.textContent ?? '').slice(0, 40);
      }));
      await page.keyboard.press('Tab');
    }
    // (Cancel is disabled while nothing runs, so Tab passes it.)
    expect(names).toEqual(['Close', 'Parameter', 'From', 'To', 'Steps', 'Trials per point', 'Run sweep']);
  });
});
