import { ConfigError } from '../engine/config';
import { Timeline } from '../engine/timeline';
import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';
import { copyBatch, emptyMetrics, inFlightOf, linksOf } from './frame-parts';
import { transferables, type EngineOptions, type FromWorker, type RejectedAction, type ToWorker, type WireFrame } from './protocol';
import { TrackedRun, type TrackedSnapshot } from './tracked-run';

export type Post = (msg: FromWorker, transfer: Transferable[]) => void;

/** Rounds one `step` request may ask for; keeps one request from blocking the worker for long. */
const MAX_STEP_COUNT = 1000;
/** Rounds a timeline change may replay (beyond this, the page asks for a Reset instead). */
export const MAX_REPLAY_ROUNDS = 5000;

type RunTimeline = Timeline<TrackedSnapshot, RoundMetrics>;

/** What a frame reports besides the state: the planned actions run, and those refused, since the last one. */
interface FrameNews {
  applied: LoggedAction[];
  rejected: RejectedAction[];
  /** Metrics of the new rounds a multi-round step ran before the one it shows. */
  between?: RoundMetrics[];
}

const NO_NEWS: FrameNews = { applied: [], rejected: [] };

/**
 * The worker's logic without the worker: it owns one run on a Timeline (checkpoints plus
 * deterministic replay, so any earlier round can be shown exactly and the run forked from it)
 * and answers each request through `post`. Kept apart from `engine.worker.ts` so that tests
 * drive it directly.
 *
 * @example
 *   const host = createEngineHost((msg) => console.log(msg.type));
 *   host.handle({ type: 'init', graphId: 1, config: DEFAULT_CONFIG, options });
 *   host.handle({ type: 'step', requestId: 1 }); // → 'frame'
 *   host.handle({ type: 'seek', requestId: 2, round: 0 }); // → 'frame' of round 0
 */
export function createEngineHost(post: Post): { handle(msg: ToWorker): void } {
  let run: TrackedRun | null = null;
  let timeline: RunTimeline | null = null;
  let graphId = 0;
  let options: EngineOptions = { recordMessages: false, trackNodeStats: true };
  let watched: number | null = null;

  const send = (msg: FromWorker): void => post(msg, transferables(msg));

  /** A new run of `config` with `schedule`; throws ConfigError on a bad configuration. */
  function create(config: SimConfig, schedule: readonly LoggedAction[]): void {
    const next = new TrackedRun(config, options, schedule);
    run = next;
    timeline = new Timeline(next);
  }

  function build(id: number, config: SimConfig, schedule: readonly LoggedAction[]): void {
    try {
      create(config, schedule);
    } catch (e) {
      const message = e instanceof ConfigError ? e.problems.join('; ') : errorText(e);
      send({ type: 'error', requestId: null, message: `Could not build the run: ${message}` });
      return;
    }
    graphId = id;
    const t = run!.sim.topology;
    send({
      type: 'ready',
      config: { ...run!.config },
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
    });
    send({ type: 'frame', frame: frameOf(run!, timeline!, 'init', { applied: [...run!.log], rejected: [...run!.rejected] }) });
  }

  function frameOf(r: TrackedRun, tl: RunTimeline, cause: WireFrame['cause'], news: FrameNews): WireFrame {
    const s = r.sim, w = s.world;
    const base = (s.round > 0 ? tl.metrics[s.round - 1] : null) ?? emptyMetrics(s.round, w.keys);
    const counts = s.rumor?.counts(w);
    const metrics: RoundMetrics = {
      ...base, live: w.liveCount, informed: Array.from(w.informed), inFlight: s.inFlight,
      ...(counts ? { infective: counts.infective, removed: counts.removed } : {}),
    };
    const sentCount = w.sentCount, receivedCount = w.receivedCount;
    const node = watched !== null && watched < w.nodes ? watched : null;
    const messages = cause === 'step' || cause === 'seek' ? r.messages : null;
    return {
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
      inFlight: options.recordMessages ? inFlightOf(s) : null,
      links: linksOf(w),
      between: news.between ?? [],
      applied: structuredClone(news.applied),
      rejected: structuredClone(news.rejected),
      writes: r.tracker.writeRecords(),
      spread: r.tracker.spreadStats(),
    };
  }

  /**
   * `count` rounds forward: first through the rounds already run (showing them again), then
   * new ones. Only new rounds have news: the planned actions they ran and refused.
   */
  function step(r: TrackedRun, tl: RunTimeline, count: number): FrameNews {
    const head = tl.last;
    let advanced = false;
    for (let i = 0; i < count; i++) {
      if (tl.shown < tl.last) tl.seek(tl.shown + 1);
      else {
        tl.advance();
        advanced = true;
      }
    }
    if (!advanced) return NO_NEWS;
    return {
      applied: r.log.filter((e) => e.round > head),
      rejected: r.rejected.filter((x) => x.round > head),
      between: tl.metrics.slice(head, tl.shown - 1),
    };
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        options = { ...msg.options };
        build(msg.graphId, msg.config, msg.schedule ?? []);
        return;
      case 'reset':
        if (!run) return noRun(null);
        build(msg.graphId, run.config, run.schedule);
        return;
      case 'step': {
        if (!run || !timeline) return noRun(msg.requestId);
        const count = Math.min(MAX_STEP_COUNT, Math.max(1, Math.floor(msg.count ?? 1)));
        const news = step(run, timeline, count);
        send({ type: 'frame', frame: frameOf(run, timeline, 'step', news) });
        return;
      }
      case 'seek': {
        if (!run || !timeline) return noRun(msg.requestId);
        const round = Math.floor(msg.round);
        if (!(round >= 0 && round <= timeline.last)) {
          send({ type: 'error', requestId: msg.requestId, message: `Round ${msg.round} has not been run: the run goes from round 0 to ${timeline.last}.` });
          return;
        }
        timeline.seek(round);
        send({ type: 'frame', frame: frameOf(run, timeline, 'seek', NO_NEWS) });
        return;
      }
      case 'fork': {
        if (!run || !timeline) return noRun(msg.requestId);
        timeline.fork();
        run.setFuture(timeline.shown, msg.future);
        send({ type: 'frame', frame: frameOf(run, timeline, 'fork', NO_NEWS) });
        return;
      }
      case 'schedule': {
        if (!run) return noRun(msg.requestId);
        const target = Math.floor(msg.round);
        if (!(target >= 0 && target <= MAX_REPLAY_ROUNDS)) {
          send({ type: 'error', requestId: msg.requestId, message: `Replaying ${target} rounds is too long: press Reset to run the timeline from round 0.` });
          return;
        }
        try {
          create(run.config, msg.schedule);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        const r = run as TrackedRun, tl = timeline as unknown as RunTimeline;
        while (tl.last < target) tl.advance();
        // The page knows its own timeline: it is told only of refusals it has not seen.
        send({ type: 'frame', frame: frameOf(r, tl, 'schedule', { applied: [], rejected: r.rejected.filter((x) => x.round >= target) }) });
        return;
      }
      case 'apply': {
        if (!run || !timeline) return noRun(msg.requestId);
        const forking = timeline.shown < timeline.last;
        try {
          timeline.apply(msg.action);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        if (forking && msg.future) run.setFuture(timeline.shown, msg.future);
        send({ type: 'actionResult', requestId: msg.requestId, action: msg.action, round: timeline.shown });
        send({ type: 'frame', frame: frameOf(run, timeline, 'action', NO_NEWS) });
        return;
      }
      case 'watch':
        watched = msg.node;
        if (!run || !timeline) return noRun(null);
        send({ type: 'frame', frame: frameOf(run, timeline, 'watch', NO_NEWS) });
        return;
      default: {
        const unknown: never = msg;
        send({ type: 'error', requestId: null, message: `Unknown request ${JSON.stringify(unknown)}` });
      }
    }
  }

  function noRun(requestId: number | null): void {
    send({ type: 'error', requestId, message: 'No run yet: build one first.' });
  }

  return { handle };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
