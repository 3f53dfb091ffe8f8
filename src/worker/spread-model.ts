import { copySettings } from '../engine/setting-actions';
import { Timeline } from '../engine/timeline';
import type { LoggedAction, RoundMetrics } from '../engine/types';
import { copyBatch, emptyMetrics, inFlightOf, linksOf } from './frame-parts';
import type { FrameNews, LiveModel, Watch } from './model';
import type { FrameCause, InitRequest, SpreadFrame } from './protocol';
import { TrackedRun } from './tracked-run';

/** The spreading model (push, pull, push-pull, rumor mongering, anti-entropy) behind the worker's one contract. */
export function buildSpreadModel(init: Extract<InitRequest, { model: 'spread' }>, schedule: readonly LoggedAction[]): LiveModel<RoundMetrics> {
  const run = new TrackedRun(init.config, { ...init.options }, schedule);
  const timeline = new Timeline(run);
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
    frame: (graphId, cause, news, watch) => spreadFrame(run, timeline, graphId, cause, news, watch, init.options.recordMessages),
  };
}

/** The frame of the round a spreading run shows; every array is a fresh copy (frames are transferred). */
function spreadFrame(
  r: TrackedRun, tl: Timeline<unknown, RoundMetrics>, graphId: number, cause: FrameCause, news: FrameNews<RoundMetrics>, watch: Watch, recordMessages: boolean,
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
  return {
    model: 'spread',
    graphId,
    cause,
    round: s.round,
    last: tl.last,
    keys: w.keys,
    versions: w.cur.slice(),
    latest: w.latest.slice(),
    alive: w.alive.slice(),
    group: w.group.slice(),
    messages: messages ? copyBatch(messages) : null,
    metrics,
    loss: w.loss,
    partitioned: w.partitioned,
    watched: node === null || !sentCount || !receivedCount ? null : { node, sent: sentCount[node], received: receivedCount[node] },
    rumor: s.rumor ? s.rumor.status.slice() : null,
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
  };
}
