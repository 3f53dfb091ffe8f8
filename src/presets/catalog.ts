import { DEFAULT_CONFIG } from '../engine/config';
import type { LoggedAction, SimConfig } from '../engine/types';
import { layoutSectors } from './layout-groups';
import { withText, type PresetText } from './preset-text';

/**
 * The one-click presets: each is data — a configuration, a timeline of actions at rounds
 * (the engine's `schedule`, the same list a scenario file holds) and a two-line caption
 * saying what to watch (in the presets namespace of src/i18n, by id). Groups are named by node id; every preset uses a graph whose drawing
 * is fixed by the ids (complete, ring or grid), so its groups are the halves seen on screen.
 * catalog.test.ts replays each in the engine and checks what its caption promises.
 */
export interface Preset extends PresetText {
  id: string;
  config: SimConfig;
  schedule: LoggedAction[];
  /** Rounds per second to play it at. */
  speed: number;
}

const base: SimConfig = { ...DEFAULT_CONFIG };

/** Left and right half of a graph as drawn: group 1 is the left, group 2 the right. */
function halves(config: SimConfig): [number[], number[]] {
  const [left, right] = layoutSectors(config.topology, config.nodes, 2);
  return [left, right];
}

const RUMOR_200: SimConfig = { ...base, nodes: 200, topology: 'complete', protocol: 'rumor', interest: 'feedback-counter', k: 1, seed: 1 };

function rumorDiesOut(): Preset {
  return withText({
    id: 'rumor-residue',
    config: RUMOR_200,
    schedule: [],
    speed: 3,
  }, { round: 13 });
}

function antiEntropyRepairs(): Preset {
  return withText({
    id: 'anti-entropy-repair',
    config: { ...RUMOR_200, antiEntropy: 15 },
    schedule: [],
    speed: 3,
  }, { every: 15, residue: 17, first: 15, second: 30 });
}

function lossySlow(): Preset {
  return withText({
    id: 'lossy-slow',
    config: { ...base, nodes: 60, topology: 'random', degree: 4, protocol: 'push-pull', loss: 0.3, delay: { kind: 'uniform', min: 1, max: 4 }, seed: 4 },
    schedule: [],
    speed: 1.5,
  }, { loss: 30, min: 1, max: 4 });
}

function asymmetric(): Preset {
  const config: SimConfig = { ...base, nodes: 80, topology: 'complete', protocol: 'push-pull', origin: -1, seed: 3 };
  const [left, right] = halves(config);
  const a = Math.min(...left), b = Math.max(...right);
  const later = 12;
  return withText({
    id: 'asymmetric',
    config,
    schedule: [
      { round: 0, action: { type: 'partition', groups: [left, right] } },
      { round: 0, action: { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0 } },
      { round: 1, action: { type: 'write', node: a, key: 0 } },
      { round: later, action: { type: 'write', node: b, key: 0 } },
    ],
    speed: 2,
  }, { a, b, later });
}

function conflictingWrites(): Preset {
  const config: SimConfig = { ...base, nodes: 60, topology: 'complete', protocol: 'push-pull', origin: 0, seed: 5 };
  const [left, right] = halves(config);
  const low = Math.min(...left.filter((n) => n !== 0)), high = Math.max(...right);
  const [split, first, second, heal] = [8, 9, 10, 24];
  return withText({
    id: 'conflicting-writes',
    config,
    schedule: [
      { round: split, action: { type: 'partition', groups: [left, right] } },
      { round: first, action: { type: 'write', node: high, key: 0 } },
      { round: second, action: { type: 'write', node: low, key: 0 } },
      { round: heal, action: { type: 'heal' } },
    ],
    speed: 2,
  }, { split, first, second, heal, high, low });
}

function partitionAndHeal(): Preset {
  const config: SimConfig = {
    ...base, nodes: 60, topology: 'complete', protocol: 'rumor', interest: 'feedback-counter', k: 2, antiEntropy: 10, origin: -1, seed: 2,
  };
  const [left, right] = halves(config);
  const writer = Math.min(...left);
  const heal = 25, backup = Math.ceil((heal + 1) / config.antiEntropy) * config.antiEntropy;
  return withText({
    id: 'partition-and-heal',
    config,
    schedule: [
      { round: 0, action: { type: 'partition', groups: [left, right] } },
      { round: 1, action: { type: 'write', node: writer, key: 0 } },
      { round: heal, action: { type: 'heal' } },
    ],
    speed: 3,
  }, { writer, heal, backup });
}

export const PRESETS: readonly Preset[] = [
  partitionAndHeal(),
  rumorDiesOut(),
  antiEntropyRepairs(),
  lossySlow(),
  asymmetric(),
  conflictingWrites(),
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
