import type { MembershipConfig } from '../../engine/membership';
import type { LoggedAction } from '../../engine/types';
import type { CompareVariant } from '../../worker/protocol';
import { idHalves } from '../partition-healing';
import { tPreset, withText, type PresetText } from '../preset-text';

/**
 * The membership presets: each is data — a configuration, a timeline of actions at rounds
 * (round r's actions apply after round r), and a two-line caption saying what to watch.
 * catalog.test.ts runs each in the engine and checks what its caption claims.
 */
export interface MembershipPreset extends PresetText {
  id: string;
  config: MembershipConfig;
  schedule: LoggedAction[];
  /** Rounds per second to play it at. */
  speed: number;
  /** Playing pauses after this round: the story is told by then. */
  pauseAt: number;
  /** The node whose table the inspector shows. */
  select: number | null;
  /** The same scenario run once per variant and drawn side by side (wrongly dead pairs per round). */
  compare?: { rounds: number; variants: CompareVariant[] };
}

/**
 * The two halves of the cluster as the page draws it: ids run counter-clockwise from the top,
 * so the first half (the lower ids) is the left of the circle and the second the right.
 */
export const membershipHalves = idHalves;

/** Serf's default ReconnectInterval, in rounds of one ProbeInterval. */
const SERF_RECONNECT_ROUNDS = 30;

const crash = (round: number, node: number): LoggedAction => ({ round, action: { type: 'crash', node } });

const SPLIT_NODES = 40;

export const MEMBERSHIP_PRESETS: readonly MembershipPreset[] = [
  withText({
    id: 'swim-crash',
    config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0 },
    schedule: [crash(3, 12)],
    speed: 2,
    pauseAt: 20,
    select: 0,
  }),
  withText({
    id: 'heartbeat-crash',
    config: { protocol: 'heartbeat', nodes: 50, seed: 1, loss: 0 },
    schedule: [crash(10, 12)],
    speed: 2,
    pauseAt: 36,
    select: 0,
  }),
  withText({
    id: 'swim-loss',
    config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0.2 },
    schedule: [],
    speed: 4,
    pauseAt: 120,
    select: null,
  }),
  withText({
    id: 'split-brain',
    config: { protocol: 'swim', nodes: SPLIT_NODES, seed: 1, loss: 0 },
    schedule: [
      { round: 5, action: { type: 'partition', groups: membershipHalves(SPLIT_NODES) } },
      { round: 60, action: { type: 'heal' } },
    ],
    speed: 8,
    pauseAt: 120,
    select: null,
    compare: {
      rounds: 120,
      variants: [
        { get label() { return tPreset('split-brain.reconnectOff'); }, swim: { reconnectInterval: 0 } },
        { get label() { return tPreset('split-brain.reconnectEvery', { rounds: SERF_RECONNECT_ROUNDS }); }, swim: { reconnectInterval: SERF_RECONNECT_ROUNDS } },
      ],
    },
  }),
];

export function membershipPresetById(id: string): MembershipPreset | undefined {
  return MEMBERSHIP_PRESETS.find((p) => p.id === id);
}
