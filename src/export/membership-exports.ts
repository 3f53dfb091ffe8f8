import type { MembershipConfig } from '../engine/membership';
import type { LoggedAction } from '../engine/types';
import type { MembershipPoint } from '../run/membership-summary';

/** A membership run's per-round figures as CSV (a spreadsheet) and JSON (a notebook). */
const COLUMNS = [
  'round', 'suspicions', 'falsePositives', 'refutations', 'declaredDead', 'wronglyDead', 'wronglyAlive', 'messagesPerNode', 'bytesPerNode',
] as const satisfies readonly (keyof MembershipPoint)[];

export function membershipCsvText(history: readonly MembershipPoint[]): string {
  const rows = history.map((p) => COLUMNS.map((c) => (Number.isInteger(p[c]) ? p[c] : +p[c].toFixed(6))).join(','));
  return [COLUMNS.join(','), ...rows].join('\n') + '\n';
}

export function membershipJsonText(config: MembershipConfig, actions: readonly LoggedAction[], history: readonly MembershipPoint[]): string {
  return JSON.stringify({ generator: 'Gossip Lab', model: 'membership', config, actions, rounds: history }, null, 2) + '\n';
}
