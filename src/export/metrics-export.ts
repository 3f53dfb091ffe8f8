import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';

/**
 * A run's per-round metrics as CSV (for a spreadsheet) and JSON (for a notebook). Columns with
 * one value per key are flattened as `informed_k0`, `informed_k1`, …
 */
const SCALAR_COLUMNS = [
  'round', 'live', 'sent', 'delivered', 'droppedLoss', 'droppedPartition', 'droppedDead', 'redundant',
  'traffic', 'inFlight', 'crashes', 'recoveries',
] as const satisfies readonly (keyof RoundMetrics)[];
const PER_KEY_COLUMNS = ['informed', 'newlyInformed', 'infective', 'removed'] as const satisfies readonly (keyof RoundMetrics)[];

export function metricsToCsv(history: readonly RoundMetrics[], keys: number): string {
  const header: string[] = [...SCALAR_COLUMNS];
  for (const col of PER_KEY_COLUMNS) for (let k = 0; k < keys; k++) header.push(`${col}_k${k}`);
  header.push('informedFraction_k0');
  const rows = history.map((m) => {
    const cells: (number | string)[] = SCALAR_COLUMNS.map((c) => m[c]);
    for (const col of PER_KEY_COLUMNS) for (let k = 0; k < keys; k++) cells.push(m[col][k] ?? 0);
    cells.push(m.live > 0 ? +(m.informed[0] / m.live).toFixed(6) : 0);
    return cells.join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}

export function metricsToJson(config: SimConfig, actions: readonly LoggedAction[], history: readonly RoundMetrics[]): string {
  return JSON.stringify({ generator: 'Gossip Lab', config, actions, rounds: history }, null, 2) + '\n';
}
