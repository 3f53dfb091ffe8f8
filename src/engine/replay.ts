import type { Action, LoggedAction } from './types';

/** What replaying needs of a run: both the engine's Simulation and the membership simulation fit. */
export interface Replayable {
  round: number;
  step(): unknown;
  apply(action: Action): void;
}

/**
 * Steps a freshly built run forward to `rounds`, applying each logged action after the round it
 * was logged at — exactly as it was applied live — and returns the run.
 */
export function replayInto<R extends Replayable>(sim: R, log: readonly LoggedAction[], rounds: number): R {
  let next = 0;
  for (;;) {
    while (next < log.length && log[next].round === sim.round) sim.apply(log[next++].action);
    if (sim.round >= rounds) break;
    sim.step();
  }
  return sim;
}
