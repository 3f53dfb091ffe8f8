import type { StateCreator } from 'zustand';
import type { ScenarioProblem } from '../engine/scenario';
import type { RoundMetrics, SimConfig, TopologyName } from '../engine/types';
import type { LinkState } from '../view/frame-source';
import type { SpreadStats, WriteRecord } from '../worker/protocol';
import type { ScheduleEntry } from './schedule';
import type { GossipState } from './store';

export type RumorStatus = 'susceptible' | 'infective' | 'removed';

export type RunStatus = 'idle' | 'playing' | 'paused';

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

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

/** The caption panel of a scripted preset. */
export interface StoryView {
  title: string;
  steps: string[];
  /** Index of the current step. */
  step: number;
  caption: string;
  /** The story waits for the user to press Heal. */
  awaitingHeal: boolean;
}

/** A scenario file that could not be imported, and why (each problem with its JSON path). */
export interface ImportFailure {
  fileName: string;
  problems: ScenarioProblem[];
}

export interface RunSlice {
  /** idle: a fresh run at round 0; playing; paused mid-run. */
  status: RunStatus;
  /** Rounds per second. */
  speed: number;
  /** Building a run (between a reset and its first frame). */
  building: boolean;
  graph: GraphInfo | null;
  /** The round shown: the newest, or an earlier one while looking back (time travel). */
  round: number;
  /** The newest round run so far. */
  lastRound: number;
  /** The metrics of the round shown while it is an earlier one (it may be older than the kept history), else null. */
  pastMetrics: RoundMetrics | null;
  /** The round the timeline slider asked for, until the worker shows it. */
  seekTarget: number | null;
  /** Rebuilding a shared or remembered run up to this round (null when not). */
  catchUpTo: number | null;
  importFailure: ImportFailure | null;
  /** history[r]: the state entering round r + 1 (round r's messages, informed after r's actions). */
  history: RoundMetrics[];
  /** Newest version of each key, and the round it was written in (the theory curve starts there). */
  latest: number[];
  latestSince: number[];
  /** Nodes per partition group (index = group id), or null when healed. */
  partition: number[] | null;
  /** Current packet loss, 0–1. */
  loss: number;
  /** Actions applied since the run was built (a form change rebuilds silently only while 0 at round 0). */
  actions: number;
  /** Round at which all live nodes first held the newest version of every key. */
  convergedAt: number | null;
  selected: number | null;
  selectedInfo: SelectedInfo | null;
  shownKey: number;
  notices: Notice[];
  /** The worker died or hung: the page shows this with a Restart button. */
  workerError: string | null;
  story: StoryView | null;
  /** The scenario timeline (scheduled and recorded actions). */
  schedule: ScheduleEntry[];
  /** The timeline changed at rounds already run: Reset runs it from round 0. */
  scheduleDirty: boolean;
  preset: PresetView | null;
  /** Messages between groups are blocked somewhere (groups may exist with every link open). */
  partitioned: boolean;
  links: LinkState[] | null;
  writes: WriteRecord[];
  spread: SpreadStats[];
  /** Rumor mongering: no node is infective and nothing is in flight. */
  rumorEnded: boolean;
  /** Round at which the current rumor died out (null while it spreads or before any). */
  rumorEndedAt: number | null;
  heal: HealOutcome | null;
  pushNotice(tone: Notice['tone'], text: string): number;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;
/** At most this many notices are on screen; older ones give way. */
const MAX_NOTICES = 3;

export const createRunSlice: StateCreator<GossipState, [], [], RunSlice> = (set) => ({
  status: 'idle',
  speed: 2,
  building: true,
  graph: null,
  round: 0,
  lastRound: 0,
  pastMetrics: null,
  seekTarget: null,
  catchUpTo: null,
  importFailure: null,
  history: [],
  latest: [],
  latestSince: [],
  partition: null,
  loss: 0,
  actions: 0,
  convergedAt: null,
  selected: null,
  selectedInfo: null,
  shownKey: 0,
  notices: [],
  workerError: null,
  story: null,
  schedule: [],
  scheduleDirty: false,
  preset: null,
  partitioned: false,
  links: null,
  writes: [],
  spread: [],
  rumorEnded: false,
  rumorEndedAt: null,
  heal: null,
  pushNotice: (tone, text) => {
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id, tone, text }].slice(-MAX_NOTICES) }));
    return id;
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
