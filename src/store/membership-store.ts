import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MembershipConfig, MembershipRoundMetrics, MembershipSummary, ResolvedMembershipConfig } from '../engine/membership';
import type { ComparisonSeries } from '../worker/membership-protocol';
import { DEFAULT_MEMBERSHIP_FORM, type MembershipForm } from './membership-form';
import type { MembershipPoint } from './membership-summary';
import { SPEED_LIMITS, type RunStatus } from './play-loop';

/**
 * The membership mode's state: the form, the run's status and per-round history (small,
 * plain data). Per-node typed arrays never come here: they live in MembershipFrames, which
 * the canvas, the matrix and the inspector read without a React render per round.
 */

export interface MembershipNotice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

export interface LoadedPreset {
  id: string;
  title: string;
  caption: readonly [string, string];
  /** Playing pauses once after this round. */
  pauseAt: number | null;
}

export interface Comparison {
  presetId: string;
  /** null while it runs. */
  series: ComparisonSeries[] | null;
  /** The round of the heal, drawn as a marker. */
  marker: number | null;
}

export interface MembershipState {
  form: MembershipForm;
  /** The configuration of the current run (what the form was when it was built). */
  applied: MembershipConfig | null;
  resolved: ResolvedMembershipConfig | null;
  stateBytes: number;
  status: RunStatus;
  building: boolean;
  speed: number;
  round: number;
  /** Actions the user applied live (a run with none can follow the form without asking). */
  actions: number;
  nodes: number;
  live: number;
  loss: number;
  partitioned: boolean;
  selected: number | null;
  view: 'graph' | 'matrix';
  preset: LoadedPreset | null;
  last: MembershipRoundMetrics | null;
  summary: MembershipSummary | null;
  history: MembershipPoint[];
  comparison: Comparison | null;
  notices: MembershipNotice[];
  workerError: string | null;
}

export function initialMembershipState(): MembershipState {
  return {
    form: { ...DEFAULT_MEMBERSHIP_FORM },
    applied: null,
    resolved: null,
    stateBytes: 0,
    status: 'idle',
    building: false,
    speed: SPEED_LIMITS.initial,
    round: 0,
    actions: 0,
    nodes: 0,
    live: 0,
    loss: 0,
    partitioned: false,
    selected: null,
    view: 'graph',
    preset: null,
    last: null,
    summary: null,
    history: [],
    comparison: null,
    notices: [],
    workerError: null,
  };
}

export type MembershipStore = StoreApi<MembershipState>;

export function createMembershipStore(): MembershipStore {
  return createStore<MembershipState>()(() => initialMembershipState());
}

/** The page's one membership store. */
export const membershipStore = createMembershipStore();

export function useMembership<T>(selector: (s: MembershipState) => T): T {
  return useStore(membershipStore, selector);
}

// Module-level selectors, so components re-render only when their slice changes.
export const selectForm = (s: MembershipState) => s.form;
export const selectStatus = (s: MembershipState) => s.status;
export const selectBuilding = (s: MembershipState) => s.building;
export const selectSpeed = (s: MembershipState) => s.speed;
export const selectSelected = (s: MembershipState) => s.selected;
export const selectView = (s: MembershipState) => s.view;
export const selectPreset = (s: MembershipState) => s.preset;
export const selectHistory = (s: MembershipState) => s.history;
export const selectSummary = (s: MembershipState) => s.summary;
export const selectLast = (s: MembershipState) => s.last;
export const selectComparison = (s: MembershipState) => s.comparison;
export const selectNotices = (s: MembershipState) => s.notices;
export const selectWorkerError = (s: MembershipState) => s.workerError;
export const selectPartitioned = (s: MembershipState) => s.partitioned;
export const selectResolved = (s: MembershipState) => s.resolved;
export const selectNodes = (s: MembershipState) => s.nodes;
