import {
  MembershipSimulation, membershipStateBytes,
  type MembershipConfig, type MembershipMessageBatch, type MembershipRoundMetrics, type MembershipSnapshot,
} from '../engine/membership';
import { CHECKPOINT_BUDGET, Timeline } from '../engine/timeline';
import type { LoggedAction } from '../engine/types';
import { copyBatch } from './frame-parts';
import { matrixOf, suspectedOf, tableOf } from './membership-frame';
import type { FrameNews, LiveModel, Watch } from './model';
import { PlannedRun } from './planned-run';
import type { ComparisonSeries, CompareVariant, FrameCause, InitRequest, MembershipFrame } from './protocol';

/** Rounds a comparison may run per variant (it runs outside the live run, so it must stay short). */
export const MAX_COMPARE_ROUNDS = 1000;
/** Largest cluster a comparison may run (variants × rounds × n² must stay quick). */
export const MAX_COMPARE_NODES = 200;

/** Clusters up to this size get their messages recorded and animated by kind. */
const MEMBERSHIP_ANIMATE_LIMIT = 200;

/**
 * The membership model (SWIM, heartbeat) as the worker keeps it on the timeline: the
 * MembershipSimulation with its planned actions, so membership runs get time travel, forks and
 * whole-run links exactly as spreading runs do.
 */
type MembershipRun = PlannedRun<MembershipSnapshot, MembershipRoundMetrics, MembershipMessageBatch, MembershipSimulation>;

/** The membership model (SWIM, heartbeat failure detection) behind the worker's one contract. */
export function buildMembershipModel(init: Extract<InitRequest, { model: 'membership' }>, schedule: readonly LoggedAction[]): LiveModel<MembershipRoundMetrics> {
  const sim = new MembershipSimulation(init.config, { recordMessages: init.config.nodes <= MEMBERSHIP_ANIMATE_LIMIT });
  const run: MembershipRun = new PlannedRun(sim, schedule);
  // A membership snapshot is the n × n table (24 MB at 2000 nodes): allow a few of them, or a
  // seek into a long run would replay hundreds of O(n²) rounds.
  const timeline = new Timeline(run, { checkpointBudget: Math.max(CHECKPOINT_BUDGET, 8 * membershipStateBytes(run.sim.config)) });
  const nodes = run.sim.config.nodes;
  return {
    init,
    run,
    timeline,
    nodes,
    ready: (graphId) => ({
      type: 'ready',
      model: 'membership',
      config: structuredClone(run.sim.config),
      stateBytes: membershipStateBytes(run.sim.config),
      // Every node may probe every other: drawn without links.
      graph: { graphId, nodes, topology: 'complete', offsets: null, neighbors: null, edges: (nodes * (nodes - 1)) / 2, components: 1, largestComponent: nodes },
    }),
    frame: (graphId, cause, news, watch) => membershipFrame(run, timeline, graphId, cause, news, watch),
  };
}

function membershipFrame(
  r: MembershipRun, tl: Timeline<unknown, MembershipRoundMetrics>, graphId: number, cause: FrameCause, news: FrameNews<MembershipRoundMetrics>, watch: Watch,
): MembershipFrame {
  const s = r.sim;
  const { wronglyDead, wronglyAlive } = s.wrongCounts();
  const messages = cause === 'step' || cause === 'seek' ? r.messages : null;
  const node = watch.node;
  return {
    model: 'membership',
    graphId,
    cause,
    round: s.round,
    last: tl.last,
    alive: s.alive.slice(),
    group: s.group.slice(),
    loss: s.loss,
    partitioned: s.partitioned,
    wronglyDead,
    wronglyAlive,
    suspected: suspectedOf(s),
    metrics: s.round > 0 ? tl.metricsAt(s.round) ?? null : null,
    between: news.between ?? [],
    summary: s.summary(),
    messages: messages ? copyBatch(messages) : null,
    table: node !== null && Number.isInteger(node) && node >= 0 && node < s.config.nodes ? tableOf(s, node) : null,
    matrix: watch.matrix ? matrixOf(s) : null,
    applied: structuredClone(news.applied),
    rejected: structuredClone(news.rejected),
  };
}

/**
 * Runs the same scenario once per variant, off the live run (the "reconnect or not" preset's
 * side-by-side chart). Returns the series, or throws an Error whose message is for the user.
 */
export function compareMembership(config: MembershipConfig, schedule: readonly LoggedAction[], rounds: number, variants: readonly CompareVariant[]): ComparisonSeries[] {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_COMPARE_ROUNDS) throw new Error(`a comparison runs 1 to ${MAX_COMPARE_ROUNDS} rounds`);
  if (!(config?.nodes <= MAX_COMPARE_NODES)) throw new Error(`comparisons run clusters of at most ${MAX_COMPARE_NODES} nodes`);
  const log = [...schedule].sort((a, b) => a.round - b.round);
  return variants.map((v) => {
    const run = new MembershipSimulation({ ...config, swim: { ...config.swim, ...v.swim }, heartbeat: { ...config.heartbeat, ...v.heartbeat } });
    let k = 0;
    const wronglyDead: number[] = [];
    for (;;) {
      while (k < log.length && log[k].round === run.round) run.apply(log[k++].action);
      if (run.round >= rounds) break;
      wronglyDead.push(run.step().wronglyDead);
    }
    return { label: v.label, wronglyDead, summary: run.summary() };
  });
}
