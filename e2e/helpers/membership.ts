import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { showPanel } from './lab';

/** "Round 12 · 1 crashed · detected in 3 rounds · all know after 7 · 0 false positives" → its numbers. */
export interface MembershipReading {
  round: number;
  crashed: number;
  detected: number | null;
  allKnow: number | null;
  falsePositives: number;
}

export const MEMBERSHIP_STATUS_RE = /^Round (\d+) · ([\d,]+) crashed · (?:.* · )?([\d,]+) false positives?$/;

const num = (s: string): number => Number(s.replace(/,/g, ''));

/**
 * The Membership mode of the page, driven like GossipLab through accessible names only.
 * `open` switches the Mode tab; the dissemination page's own fixture has loaded the page.
 */
export class MembershipLab {
  private shots = 0;

  constructor(readonly page: Page, private readonly testInfo: TestInfo) {}

  get tab(): Locator {
    return this.page.getByRole('tab', { name: 'Membership', exact: true });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
    await this.waitReady();
  }

  /** A run is built: its Round 0 shows and Play can be pressed. */
  async waitReady(): Promise<void> {
    await expect(this.status).toHaveText(/^Round 0 · /);
    await expect(this.button('Play')).toBeEnabled();
    await expect(this.runState).not.toHaveText('Building…');
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get runState(): Locator {
    return this.page.getByText(/^(Ready|Building…|Playing|Paused|Stopped)$/);
  }

  /** "SWIM · 50 nodes · 0 % loss", beside the status. */
  get clusterLine(): Locator {
    return this.page.getByText(/^(SWIM|Heartbeat) · [\d,]+ nodes · /);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true });
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name, exact: typeof name === 'string' });
  }

  get metrics(): Locator {
    return this.region(/^Metrics · round \d+$/);
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: /^(Inspector|Node \d+'s view)/ });
  }

  async reading(): Promise<MembershipReading> {
    const text = (await this.status.textContent()) ?? '';
    const m = MEMBERSHIP_STATUS_RE.exec(text);
    if (!m) throw new Error(`membership status does not read "Round N · K crashed · … · F false positives": ${text}`);
    const detected = /detected in (\d+) rounds?/.exec(text);
    const all = /all know after (\d+)/.exec(text);
    return {
      round: num(m[1]),
      crashed: num(m[2]),
      detected: detected ? Number(detected[1]) : null,
      allKnow: all ? Number(all[1]) : null,
      falsePositives: num(m[3]),
    };
  }

  /** A row of the Metrics panel's list, e.g. "False positives (live nodes declared dead)". */
  async metric(term: string): Promise<string> {
    const row = this.metrics.locator('dl > div').filter({ has: this.page.getByText(term, { exact: true }) });
    return ((await row.locator('dd').textContent()) ?? '').trim();
  }

  async setSpeed(roundsPerSecond: number): Promise<void> {
    const speed = this.page.getByRole('slider', { name: 'Speed', exact: true });
    await speed.fill(String(roundsPerSecond));
    await expect(speed).toHaveValue(String(roundsPerSecond));
  }

  /** Steps one round with the Step button and waits until the status shows it. */
  async step(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const { round } = await this.reading();
      await this.button('Step').click();
      await expect(this.status).toHaveText(new RegExp(`^Round ${round + 1} · `), { timeout: 30_000 });
    }
  }

  /** Selects a node through the "Select node" field, as a user types it. */
  async select(node: number): Promise<void> {
    const input = this.field('Select node');
    await input.fill(String(node));
    await input.press('Enter');
    await expect(this.page.getByText(new RegExp(`^Selected: node ${node} \\((up|crashed)\\)$`))).toBeVisible();
  }

  /** Opens the side drawer on a tab (Details, Charts) unless it shows already. */
  async showPanel(name: 'Details' | 'Charts'): Promise<void> {
    await showPanel(this.page, name);
  }

  /** Loads a preset by its button; it builds and plays (the caption is in the Details tab). */
  async loadPreset(title: string): Promise<Locator> {
    await this.button(title).click();
    await this.showPanel('Details');
    await expect(this.button(title)).toHaveAttribute('aria-current', 'true');
    const caption = this.region(title);
    await expect(caption).toBeVisible();
    await expect(this.button('Pause')).toBeVisible();
    return caption;
  }

  /** Waits until a preset has told its story and paused itself at round `round`. */
  async expectStoryPause(title: string, round: number): Promise<void> {
    await expect(this.page.getByText(`"${title}" has told its story at round ${round}: press Play to go on.`)).toBeVisible({ timeout: 60_000 });
    await expect(this.runState).toHaveText('Paused');
    await expect(this.status).toHaveText(new RegExp(`^Round ${round} · `));
  }

  async shot(name: string): Promise<void> {
    const file = this.testInfo.outputPath(`${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
  }
}
