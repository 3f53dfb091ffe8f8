import { DEFAULT_CONFIG } from '../engine/config';
import type { LoggedAction, SimConfig } from '../engine/types';
import { layoutSectors } from './layout-groups';

/**
 * The one-click presets: each is data — a configuration, a timeline of actions at rounds
 * (the engine's `schedule`, the same list a scenario file holds) and a two-line caption
 * saying what to watch. Groups are named by node id; every preset uses a graph whose drawing
 * is fixed by the ids (complete, ring or grid), so its groups are the halves seen on screen.
 * catalog.test.ts replays each in the engine and checks what its caption promises.
 */
export interface Preset {
  id: string;
  /** The button's name. */
  title: string;
  caption: readonly [string, string];
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
  return {
    id: 'rumor-residue',
    title: 'A rumor dies out (residue)',
    caption: [
      'Rumor mongering, feedback counter, k = 1: a node stops after one contact that already knew. Ringed nodes still spread.',
      'The rumor dies around round 13 and leaves grey nodes that never heard it: the residue, about 18 % in Demers et al.',
    ],
    config: RUMOR_200,
    schedule: [],
    speed: 3,
  };
}

function antiEntropyRepairs(): Preset {
  return {
    id: 'anti-entropy-repair',
    title: 'Anti-entropy repairs the residue',
    caption: [
      'The same run plus anti-entropy: every 15 rounds each live node push-pulls with one random peer.',
      'The rumor still dies with a 17 % residue; anti-entropy at round 15 informs all but one node, round 30 the last: residue 0.',
    ],
    config: { ...RUMOR_200, antiEntropy: 15 },
    schedule: [],
    speed: 3,
  };
}

function lossySlow(): Preset {
  return {
    id: 'lossy-slow',
    title: 'Lossy, slow network',
    caption: [
      'Push-pull where 30 % of messages are lost and each takes 1 to 4 rounds: dots keep flying across rounds.',
      'Lost messages break off mid-way. Everyone still learns the update, only later than on a perfect network.',
    ],
    config: { ...base, nodes: 60, topology: 'random', degree: 4, protocol: 'push-pull', loss: 0.3, delay: { kind: 'uniform', min: 1, max: 4 }, seed: 4 },
    schedule: [],
    speed: 1.5,
  };
}

function asymmetric(): Preset {
  const config: SimConfig = { ...base, nodes: 80, topology: 'complete', protocol: 'push-pull', origin: -1, seed: 3 };
  const [left, right] = halves(config);
  const a = Math.min(...left), b = Math.max(...right);
  const later = 12;
  return {
    id: 'asymmetric',
    title: 'Asymmetric partition',
    caption: [
      'A one-way cut: messages from the left half (group 1) to the right (group 2) are dropped; right to left arrive.',
      `Node ${a}'s update (round 1) fills the left but never reaches the right. Node ${b}'s (round ${later}) crosses over and wins.`,
    ],
    config,
    schedule: [
      { round: 0, action: { type: 'partition', groups: [left, right] } },
      { round: 0, action: { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0 } },
      { round: 1, action: { type: 'write', node: a, key: 0 } },
      { round: later, action: { type: 'write', node: b, key: 0 } },
    ],
    speed: 2,
  };
}

function conflictingWrites(): Preset {
  const config: SimConfig = { ...base, nodes: 60, topology: 'complete', protocol: 'push-pull', origin: 0, seed: 5 };
  const [left, right] = halves(config);
  const low = Math.min(...left.filter((n) => n !== 0)), high = Math.max(...right);
  const [split, first, second, heal] = [8, 9, 10, 24];
  return {
    id: 'conflicting-writes',
    title: 'Conflicting writes',
    caption: [
      `All learn v1; the network splits at round ${split}. Node ${high} (right) writes v2 at round ${first}, node ${low} (left) v2 at round ${second}.`,
      `After the heal (round ${heal}) node ${high}'s write wins everywhere: same counter, so the higher writer id wins, not the later write.`,
    ],
    config,
    schedule: [
      { round: split, action: { type: 'partition', groups: [left, right] } },
      { round: first, action: { type: 'write', node: high, key: 0 } },
      { round: second, action: { type: 'write', node: low, key: 0 } },
      { round: heal, action: { type: 'heal' } },
    ],
    speed: 2,
  };
}

function partitionAndHeal(): Preset {
  const config: SimConfig = {
    ...base, nodes: 60, topology: 'complete', protocol: 'rumor', interest: 'feedback-counter', k: 2, antiEntropy: 10, origin: -1, seed: 2,
  };
  const [left, right] = halves(config);
  const writer = Math.min(...left);
  const heal = 25, backup = Math.ceil((heal + 1) / config.antiEntropy) * config.antiEntropy;
  return {
    id: 'partition-and-heal',
    title: 'Partition and heal',
    caption: [
      `The network is cut and node ${writer} writes on the left: rumor mongering fills the left half, then the rumor dies.`,
      `The heal (round ${heal}) sends nothing: the rumor is dead. Anti-entropy at round ${backup} carries it over and the right half is whole a few rounds later; without it, nothing would.`,
    ],
    config,
    schedule: [
      { round: 0, action: { type: 'partition', groups: [left, right] } },
      { round: 1, action: { type: 'write', node: writer, key: 0 } },
      { round: heal, action: { type: 'heal' } },
    ],
    speed: 3,
  };
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
