import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Opens the side drawer on tab `name` unless it shows already (both modes). */
export async function showPanel(page: Page, name: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name, exact: true });
  // The drawer may open by itself meanwhile (a preset loading): a click then would fold it, so
  // look again after each try until the panel shows.
  await expect(async () => {
    if (!(await panel.isVisible())) await page.getByRole('tab', { name, exact: true }).click();
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** "Round 12 · Informed 43%" → its numbers. */
export interface StatusReading {
  round: number;
  informed: number;
}

export const STATUS_RE = /Round (\d+) · Informed ([\d.]+)%/;

/** What the status bar says on its right: idle, running, or converged. */
export const RUN_STATE_RE = /^(Ready|Building…|Playing|Paused|Stopped|Everyone informed at round \d+)$/;

/**
 * The Gossip Lab page as a user drives it: every locator goes through the accessible names
 * the page promises (they are an interface), never through CSS classes.
 */
export class GossipLab {
  private shots = 0;

  constructor(readonly page: Page, private readonly testInfo: TestInfo) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.waitReady();
  }

  /** A run is built: Round 0 is shown and Play can be pressed. */
  async waitReady(): Promise<void> {
    await expect(this.status).toHaveText(/^Round 0 · Informed/);
    await expect(this.button('Play')).toBeEnabled();
    await expect(this.runState).not.toHaveText('Building…');
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get runState(): Locator {
    return this.page.getByText(RUN_STATE_RE);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true });
  }

  select(name: string): Locator {
    return this.page.getByRole('combobox', { name, exact: true });
  }

  get speed(): Locator {
    return this.page.getByRole('slider', { name: 'Speed', exact: true });
  }

  get canvas(): Locator {
    return this.page.getByRole('region', { name: 'Cluster graph' });
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Inspector' });
  }

  async reading(): Promise<StatusReading> {
    const text = (await this.status.textContent()) ?? '';
    const m = STATUS_RE.exec(text);
    if (!m) throw new Error(`status does not read "Round N · Informed X%": ${text}`);
    return { round: Number(m[1]), informed: Number(m[2]) };
  }

  async expectRound(round: number): Promise<void> {
    await expect(this.status).toHaveText(new RegExp(`^Round ${round} · `));
  }

  /** Sets a number field the way a user does (the page applies a fresh run by itself). */
  async setField(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  /** Settings changed: press Reset and wait for the new run's Round 0. */
  async resetWith(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      if (name === 'Protocol' || name === 'Topology') await this.select(name).selectOption(value);
      else await this.setField(name, value);
    }
    await this.button('Reset').click();
    await this.waitReady();
    for (const [name, value] of Object.entries(values)) {
      if (name === 'Protocol' || name === 'Topology') await expect(this.select(name)).toHaveValue(value);
      else await expect(this.field(name)).toHaveValue(value);
    }
  }

  async setSpeed(roundsPerSecond: number): Promise<void> {
    await this.speed.fill(String(roundsPerSecond));
    await expect(this.speed).toHaveValue(String(roundsPerSecond));
  }

  /** Steps one round with the Step button and waits until the status shows it. */
  async step(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const { round } = await this.reading();
      await this.button('Step').click();
      await this.expectRound(round + 1);
    }
  }

  /**
   * Opens the side drawer on a tab (Details, Timeline, Charts), as a user clicks it; a drawer
   * already showing that tab stays as it is (a second click would fold it).
   */
  async showPanel(name: 'Details' | 'Timeline' | 'Charts'): Promise<void> {
    await showPanel(this.page, name);
  }

  /** Selects a node by typing its id into "Inspect node" (in the Details tab). */
  async inspect(node: number): Promise<void> {
    await this.showPanel('Details');
    const input = this.page.getByRole('spinbutton', { name: 'Inspect node', exact: true });
    await input.fill(String(node));
    await expect(this.inspector.getByText(`Node ${node}`, { exact: true })).toBeVisible();
  }

  /** The inspector's definition list as text, e.g. { Knows: 'v1 by node 0 (latest)', Alive: 'yes', … }. */
  async inspected(): Promise<Record<string, string>> {
    return this.inspector.locator('dl').evaluate((dl) => {
      const out: Record<string, string> = {};
      for (const dt of Array.from(dl.querySelectorAll('dt'))) {
        const dd = dt.nextElementSibling;
        out[dt.textContent?.trim() ?? ''] = (dd?.textContent ?? '').replace(/\s+/g, ' ').trim();
      }
      return out;
    });
  }

  /** The inspected node's "sent" count (waits until the worker has reported it). */
  async sentCount(): Promise<number> {
    const messages = this.inspector.locator('dd').filter({ hasText: /\d+ sent · \d+ received/ });
    await expect(messages).toBeVisible();
    const text = (await messages.textContent()) ?? '';
    return Number(/(\d+) sent/.exec(text)![1]);
  }

  /** Saves a screenshot of the current step as a test artifact (test-results/<test>/NN-name.png). */
  async shot(name: string): Promise<void> {
    const file = this.testInfo.outputPath(`${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
  }
}
