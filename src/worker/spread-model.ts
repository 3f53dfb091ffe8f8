import { copySettings } from '../engine/setting-actions';
import { spreadPath } from '../engine/spread-trace';
import { DENSITY_THRESHOLD } from '../engine/limits';
import { CHECKPOINT_BUDGET, Timeline, approxBytes } from '../engine/timeline';
import type { LoggedAction, RoundMetrics } from '../engine/types';
import { copyBatch, denseStates, emptyMetrics, inFlightOf, linksOf } from './frame-parts';
import { SPACE_TIME_LIMIT } from './protocol';
import type { FrameNews, LiveModel, Watch } from './model';
import type { FrameCause, InitRequest, SpaceTimeLog, SpreadFrame } from './protocol';
import { TrackedRun } from './tracked-run';

/** The spreading model (push, pull, push-pull, rumor mongering, anti-entropy) behind the worker's one contract. */
export function buildSpreadModel(init: Extract<InitRequest, { model: 'spread' }>, schedule: readonly LoggedAction[]): LiveModel<RoundMetrics> {
  const run = new TrackedRun(init.config, { ...init.options }, schedule);
  const sender = new SpaceTimeSender();
  const dense = run.config.nodes > DENSITY_THRESHOLD;
  const timeline = new Timeline(run, dense ? { checkpointEvery: DENSE_CHECKPOINT_EVERY, checkpointBudget: denseCheckpointBudget(run) } : {});
  return {
    init,
    run,
    timeline,
    nodes: run.config.nodes,
    ready(graphId) {
      const t = run.sim.topology;
      return {
        type: 'ready',
        model: 'spread',
        config: { ...run.config },
        graph: {
          graphId,
          nodes: t.nodes,
          topology: t.name,
          offsets: t.offsets?.slice() ?? null,
          neighbors: t.neighbors?.slice() ?? null,
          edges: t.edges,
          components: t.components,
          largestComponent: t.largestComponent,
        },
      };
    },
    frame: (graphId, cause, news, watch) => spreadFrame(run, timeline, graphId, cause, news, watch, init.options.recordMessages, sender),
  };
}

/**
 * Sends the space-time diagram's rounds once per change: it remembers the stamp of every round
 * it sent, and a frame carries only the rounds from the first whose stamp differs (a new round,
 * a round run again after a seek or a fork). Forgets everything when the diagram is hidden.
 */
class SpaceTimeSender {
  private sent: number[] = [];
  private sentLast = -1;

  next(r: TrackedRun, last: number, watching: boolean): SpaceTimeLog | null {
    if (!watching) {
      this.sent = [];
      this.sentLast = -1;
      return null;
    }
    let since = 1;
    while (since <= last && this.sent[since] === r.logStamps[since]) since++;
    if (since > last && this.sentLast === last) return null;
    const rounds = [];
    for (let round = since; round <= last; round++) {
      const b = r.messageLog[round];
      if (!b) break;
      rounds.push(copyBatch(b));
    }
    this.sent = r.logStamps.slice(0, last + 1);
    this.sentLast = last;
    return { since, last, rounds };
  }
}

/**
 * Time travel in the density view: a checkpoint every 16 rounds, room for 14 of them (a
 * 200-round run keeps them all), so a seek replays at most 15 rounds (~10 ms each at 10^6
 * nodes) — within the page's 500 ms for a seek. Past that the spacing doubles as usual, so
 * memory stays bounded (~140 MB at 10^6 nodes: a checkpoint is ~10 bytes a node).
 */
export const DENSE_CHECKPOINT_EVERY = 16;
export const DENSE_CHECKPOINTS = 14;

/**
 * Room for DENSE_CHECKPOINTS snapshots of this run (never less than the default budget), and
 * one more: later snapshots hold a little more than round 0's (the log, the writes' records).
 */
function denseCheckpointBudget(run: TrackedRun): number {
  return Math.max(CHECKPOINT_BUDGET, (DENSE_CHECKPOINTS + 1) * approxBytes(run.snapshot()));
}

/** The frame of the round a spreading run shows; every array is a fresh copy (frames are transferred). */
function spreadFrame(
  r: TrackedRun, tl: Timeline<unknown, RoundMetrics>, graphId: number, cause: FrameCause, news: FrameNews<RoundMetrics>, watch: Watch, recordMessages: boolean,
  sender: SpaceTimeSender,
): SpreadFrame {
  const s = r.sim, w = s.world;
  const base = (s.round > 0 ? tl.metricsAt(s.round) : null) ?? emptyMetrics(s.round, w.keys);
  const counts = s.rumor?.counts(w);
  const metrics: RoundMetrics = {
    ...base, live: w.liveCount, informed: Array.from(w.informed), inFlight: s.inFlight,
    ...(counts ? { infective: counts.infective, removed: counts.removed } : {}),
  };
  const sentCount = w.sentCount, receivedCount = w.receivedCount;
  const node = watch.node !== null && watch.node < w.nodes ? watch.node : null;
  const messages = cause === 'step' || cause === 'seek' ? r.messages : null;
  const dense = w.nodes > DENSITY_THRESHOLD;
  const rumor = s.rumor ? s.rumor.status : null;
  return {
    model: 'spread',
    graphId,
    cause,
    round: s.round,
    last: tl.last,
    keys: w.keys,
    versions: dense ? new Uint32Array(0) : w.cur.slice(),
    latest: w.latest.slice(),
    dense: dense ? denseStates(w, watch.key, rumor) : null,
    watchedState: node === null ? null : { node, versions: Array.from(w.cur.subarray(node * w.keys, (node + 1) * w.keys)) },
    held: { checkpoints: tl.checkpointCount, bytes: tl.checkpointBytes, spacing: tl.spacing },
    alive: w.alive.slice(),
    group: w.group.slice(),
    messages: messages ? copyBatch(messages) : null,
    metrics,
    loss: w.loss,
    partitioned: w.partitioned,
    watched: node === null || !sentCount || !receivedCount ? null : { node, sent: sentCount[node], received: receivedCount[node] },
    rumor: rumor && !dense ? rumor.slice() : null,
    rumorEnded: s.rumorEnded,
    // O(nodes + edges) per key: asked only of played rounds, where the page decides to pause.
    stuck: cause === 'step' && w.latest.some((v) => v !== 0) && Array.from({ length: w.keys }, (_, k) => k).every((k) => !s.canStillSpread(k)),
    inFlight: recordMessages ? inFlightOf(s) : null,
    links: linksOf(w),
    between: news.between ?? [],
    applied: structuredClone(news.applied),
    rejected: structuredClone(news.rejected),
    writes: r.tracker.writeRecords(),
    settings: copySettings(s.settings),
    spread: r.tracker.spreadStats(),
    paths: node !== null && w.informer ? Array.from({ length: w.keys }, (_, key) => spreadPath({ keys: w.keys, informer: w.informer!, learnedAt: w.learnedAt! }, node, key)) : null,
    trace: watch.tree && w.informer ? { keys: w.keys, informer: w.informer.slice(), learnedAt: w.learnedAt!.slice() } : null,
    spaceTime: sender.next(r, tl.last, watch.spaceTime && recordMessages && w.nodes <= SPACE_TIME_LIMIT),
  };
}
