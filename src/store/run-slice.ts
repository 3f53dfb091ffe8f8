import type { RunSettings } from '../engine/setting-actions';
import type { StoryView } from '../presets/story';
import type { RoundMetrics, SimConfig, TopologyName } from '../engine/types';
import type { LinkState } from '../view/frame-source';
import type { HeldState, SpreadStats, WriteRecord } from '../worker/protocol';
import { createRunCore, type RunCoreSlice, type SetState } from './run-core-slice';

export type RumorStatus = 'susceptible' | 'infective' | 'removed';

export interface GraphInfo {
  graphId: number;
  nodes: number;
  topology: TopologyName;
  edges: number;
  components: number;
  largestComponent: number;
}

/** What the inspector shows of the selected node (refreshed with every frame). */
export interface SelectedInfo {
  node: number;
  /** Per key. */
  versions: number[];
  latest: number[];
  alive: boolean;
  group: number;
  sent: number | null;
  received: number | null;
  /** Rumor mongering only: where the node stands with the shown key's rumor. */
  rumor: RumorStatus | null;
}

/** A loaded preset's caption: what to watch. */
export interface PresetView {
  id: string;
  title: string;
  caption: readonly [string, string];
  /** The preset's own configuration (the caption holds for it). */
  config: SimConfig;
}

/** What became of the newest version after the network healed. */
export interface HealOutcome {
  /** The heal applied after this round. */
  round: number;
  key: number;
  /** Newest version at the heal, and live nodes lacking it then (null until the next frame). */
  version: number;
  missing: number | null;
  live: number;
  /** Missing now. */
  missingNow: number;
  /** First round at which every live node held the newest version again. */
  repairedAt: number | null;
}

/** The spreading run's state: the core every run has, and what spreading adds (keys, writes, rumor, heal). */
export interface RunSlice extends RunCoreSlice {
  graph: GraphInfo | null;
  /** The metrics of the round shown while it is an earlier one (it may be older than the kept history), else null. */
  pastMetrics: RoundMetrics | null;
  /** history[r]: the state entering round r + 1 (round r's messages, informed after r's actions). */
  history: RoundMetrics[];
  /** Newest version of each key, and the round it was written in (the theory curve starts there). */
  latest: number[];
  latestSince: number[];
  /** Nodes per partition group (index = group id), or null when healed. */
  partition: number[] | null;
  /** Round at which all live nodes first held the newest version of every key. */
  convergedAt: number | null;
  selectedInfo: SelectedInfo | null;
  shownKey: number;
  story: StoryView | null;
  preset: PresetView | null;
  links: LinkState[] | null;
  writes: WriteRecord[];
  spread: SpreadStats[];
  /** Rumor mongering: no node is infective and nothing is in flight. */
  rumorEnded: boolean;
  /** Round at which the current rumor died out (null while it spreads or before any). */
  rumorEndedAt: number | null;
  heal: HealOutcome | null;
  /** Fanout, delay and rumor k in force after the round shown (they change mid-run by setting actions). */
  settings: RunSettings;
  /** What the worker's time travel holds (checkpoints and their bytes); null before the first frame. */
  held: HeldState | null;
}

export const createRunSlice = (set: SetState<RunSlice>): RunSlice => ({
  ...createRunCore(set),
  graph: null,
  pastMetrics: null,
  history: [],
  latest: [],
  latestSince: [],
  partition: null,
  convergedAt: null,
  selectedInfo: null,
  shownKey: 0,
  story: null,
  preset: null,
  links: null,
  writes: [],
  spread: [],
  rumorEnded: false,
  rumorEndedAt: null,
  heal: null,
  settings: { fanout: 1, delay: { kind: 'fixed', rounds: 1 }, k: 2 },
  held: null,
});
