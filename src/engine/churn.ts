import type { Rng } from './prng';
import type { PrimaryBackupState } from './primary-backup-state';
import type { RumorState } from './rumor-state';
import type { SimConfig } from './types';
import type { World } from './world';
import { setAlive } from './actions';

/**
 * Churn at the start of a round: each live node crashes with probability crashRate, each
 * crashed one recovers with probability recoverRate — keeping its state, or restarting empty.
 * Draws nothing when both rates are 0, so runs without churn consume the same random stream.
 */
export function applyChurn(world: World, rumor: RumorState | null, rng: Rng, config: SimConfig, primary: PrimaryBackupState | null = null): { crashes: number; recoveries: number } {
  let crashes = 0, recoveries = 0;
  const { crashRate, recoverRate } = config;
  if (crashRate <= 0 && recoverRate <= 0) return { crashes, recoveries };
  for (let i = 0; i < world.nodes; i++) {
    if (world.alive[i]) {
      if (crashRate > 0 && rng.chance(crashRate)) {
        setAlive(world, i, false);
        crashes++;
      }
    } else if (recoverRate > 0 && rng.chance(recoverRate)) {
      if (config.recoverEmpty) restartEmpty(world, rumor, i, primary);
      setAlive(world, i, true);
      recoveries++;
    }
  }
  return { crashes, recoveries };
}

/** Forgets every version a (crashed) node held, as a restart from an empty disk would. */
export function restartEmpty(world: World, rumor: RumorState | null, node: number, primary: PrimaryBackupState | null = null): void {
  for (let k = 0; k < world.keys; k++) world.setVersion(node, k, 0);
  rumor?.clear(node);
  primary?.forget(node);
}
