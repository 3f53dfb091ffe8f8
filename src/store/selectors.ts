import type { RoundMetrics } from '../engine/types';
import type { GossipState } from './store';

/**
 * Module-level selectors: stable functions, so components re-render only when their slice of
 * the state changes. Selectors returning objects are used with `useShallow`.
 */
export const selectStatus = (s: GossipState) => s.status;
/** Light or dark, for what has only those two (charts, legends, membership palettes); high contrast reads as light. */
export const selectTheme = (s: GossipState): 'light' | 'dark' => (s.theme === 'dark' ? 'dark' : 'light');
/** The theme as chosen, high contrast included: the graph and the page's classes follow it. */
export const selectThemeChoice = (s: GossipState) => s.theme;
export const selectMode = (s: GossipState) => s.mode;
export const selectSelectedInfo = (s: GossipState) => s.selectedInfo;
export const selectForm = (s: GossipState) => s.form;
export const selectAppliedForm = (s: GossipState) => s.appliedForm;
export const selectStory = (s: GossipState) => s.story;
export const selectWorkerError = (s: GossipState) => s.workerError;
export const selectPartition = (s: GossipState) => s.partition;
export const selectPartitioned = (s: GossipState) => s.partitioned;
export const selectLinks = (s: GossipState) => s.links;
export const selectSchedule = (s: GossipState) => s.schedule;
export const selectPreset = (s: GossipState) => s.preset;
export const selectRound = (s: GossipState) => s.round;
export const selectRunConfig = (s: GossipState) => s.runConfig;
export const selectGraph = (s: GossipState) => s.graph;
export const selectNodes = (s: GossipState) => s.graph?.nodes ?? s.runConfig.nodes;

const selectLast = (s: GossipState): RoundMetrics | null => s.history[s.history.length - 1] ?? null;

/** Informed share (0–1) of live nodes for the newest version of the shown key. */
export function informedFraction(m: RoundMetrics | null, key: number): number {
  if (!m || m.live === 0) return 0;
  return (m.informed[key] ?? 0) / m.live;
}

export const selectRemember = (s: GossipState) => s.remember;

/** What the status line shows (use with useShallow). */
export const selectStatusLine = (s: GossipState) => {
  // The round shown (an earlier one while looking back), not the newest.
  const last = s.pastMetrics ?? historyAt(s.history, s.round) ?? selectLast(s);
  return {
    round: s.round,
    lastRound: s.lastRound,
    catchUpTo: s.catchUpTo,
    informed: informedFraction(last, s.shownKey),
    live: last?.live ?? s.graph?.nodes ?? 0,
    nodes: s.graph?.nodes ?? 0,
    sent: last && last.round === s.round ? last.sent : 0,
    /** The busiest node's messages this round and in all (null when the run does not measure them). */
    busiest: last && last.round === s.round ? last.busiestSent ?? null : null,
    busiestTotal: last?.busiestSentTotal ?? null,
    inFlight: last?.inFlight ?? 0,
    convergedAt: s.convergedAt,
    building: s.building,
  };
};

/** The history entry of `round` (the state after that round and its actions), if kept. */
function historyAt(history: readonly RoundMetrics[], round: number): RoundMetrics | null {
  const first = history[0]?.round ?? 0;
  const m = history[round - first];
  return m && m.round === round ? m : history.find((x) => x.round === round) ?? null;
}
