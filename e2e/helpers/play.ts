import { expect, type Locator } from '@playwright/test';

/** What the two modes' drivers (GossipLab, MembershipLab) have in common. */
interface Mode {
  readonly status: Locator;
  readonly runState: Locator;
  button(name: string): Locator;
  setSpeed(roundsPerSecond: number): Promise<void>;
  step(times?: number): Promise<void>;
}

/** Plays until a round has gone by, pauses (and waits until the run has stopped), then steps by hand. */
export async function playPauseStep(mode: Mode, steps = 1): Promise<void> {
  await mode.setSpeed(20);
  await mode.button('Play').click();
  await expect(mode.status).toHaveText(/^Round ([1-9]\d*) · /, { timeout: 20_000 });
  await mode.button('Pause').click();
  await expect(mode.runState).toHaveText('Paused');
  await mode.step(steps);
}
