import { ConfigError } from '../engine/config';
import { Simulation } from '../engine/simulation';
import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';
import { copyBatch, emptyMetrics, inFlightOf, linksOf } from './frame-parts';
import { transferables, type EngineOptions, type FromWorker, type ToWorker, type WireFrame } from './protocol';
import { RunTracker } from './run-tracker';

export type Post = (msg: FromWorker, transfer: Transferable[]) => void;

/** Rounds one `step` request may ask for; keeps one request from blocking the worker for long. */
const MAX_STEP_COUNT = 1000;
/** Rounds a timeline change may replay (beyond this, the page asks for a Reset instead). */
export const MAX_REPLAY_ROUNDS = 5000;

/**
 * The worker's logic without the worker: it owns one Simulation and answers each request
 * through `post`. Kept apart from `engine.worker.ts` so that tests drive it directly.
 *
 * @example
 *   const host = createEngineHost((msg) => console.log(msg.type));
 *   host.handle({ type: 'init', graphId: 1, config: DEFAULT_CONFIG, options });
 *   host.handle({ type: 'step', requestId: 1 }); // → 'frame'
 */
export function createEngineHost(post: Post): { handle(msg: ToWorker): void } {
  let sim: Simulation | null = null;
  let tracker: RunTracker | null = null;
  let graphId = 0;
  let options: EngineOptions = { recordMessages: false, trackNodeStats: true };
  let lastMetrics: RoundMetrics | null = null;
  let watched: number | null = null;
  /** How much of the log and of the refused list the page has been told about. */
  let logSent = 0;
  let rejectedSent = 0;

  const send = (msg: FromWorker): void => post(msg, transferables(msg));

  /** A new run of `config` with `schedule`; throws ConfigError on a bad configuration. */
  function create(config: SimConfig, schedule: readonly LoggedAction[]): void {
    const next = new Simulation(config, { ...options, schedule });
    sim = next;
    tracker = new RunTracker(next);
    lastMetrics = null;
    logSent = 0;
    rejectedSent = 0;
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
    const t = sim!.topology;
    send({
      type: 'ready',
      config: { ...sim!.config },
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
    send({ type: 'frame', frame: frameOf(sim!, 'init') });
  }

  function step(s: Simulation): void {
    lastMetrics = s.step();
    tracker!.update(lastMetrics.traffic);
  }

  function frameOf(s: Simulation, cause: WireFrame['cause']): WireFrame {
    const w = s.world;
    const base = lastMetrics ?? emptyMetrics(s.round, w.keys);
    const counts = s.rumor?.counts(w);
    const metrics: RoundMetrics = {
      ...base, live: w.liveCount, informed: Array.from(w.informed), inFlight: s.inFlight,
      ...(counts ? { infective: counts.infective, removed: counts.removed } : {}),
    };
    const sentCount = w.sentCount, receivedCount = w.receivedCount;
    const node = watched !== null && watched < w.nodes ? watched : null;
    // Live actions reach the page in their own reply; only the engine's scheduled ones go here.
    const applied = cause === 'step' || cause === 'init' ? s.log.slice(logSent) : [];
    logSent = s.log.length;
    const rejected = s.rejected.slice(rejectedSent);
    rejectedSent = s.rejected.length;
    return {
      graphId,
      cause,
      round: s.round,
      keys: w.keys,
      versions: w.cur.slice(),
      latest: w.latest.slice(),
      alive: w.alive.slice(),
      group: w.group.slice(),
      messages: cause === 'step' && s.messages ? copyBatch(s.messages) : null,
      metrics,
      loss: w.loss,
      partitioned: w.partitioned,
      watched: node === null || !sentCount || !receivedCount ? null : { node, sent: sentCount[node], received: receivedCount[node] },
      rumor: s.rumor ? s.rumor.status.slice() : null,
      rumorEnded: s.rumorEnded,
      inFlight: options.recordMessages ? inFlightOf(s) : null,
      links: linksOf(w),
      applied: structuredClone(applied),
      rejected: structuredClone(rejected),
      writes: tracker!.writeRecords(),
      spread: tracker!.spreadStats(),
    };
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        options = { ...msg.options };
        build(msg.graphId, msg.config, msg.schedule ?? []);
        return;
      case 'reset':
        if (!sim) return noRun(null);
        build(msg.graphId, sim.config, sim.schedule);
        return;
      case 'step': {
        if (!sim) return noRun(msg.requestId);
        const count = Math.min(MAX_STEP_COUNT, Math.max(1, Math.floor(msg.count ?? 1)));
        for (let i = 0; i < count; i++) step(sim);
        send({ type: 'frame', frame: frameOf(sim, 'step') });
        return;
      }
      case 'schedule': {
        if (!sim) return noRun(msg.requestId);
        const target = Math.floor(msg.round);
        if (!(target >= 0 && target <= MAX_REPLAY_ROUNDS)) {
          send({ type: 'error', requestId: msg.requestId, message: `Replaying ${target} rounds is too long: press Reset to run the timeline from round 0.` });
          return;
        }
        try {
          create(sim.config, msg.schedule);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        while (sim.round < target) step(sim);
        // The page knows its own timeline: it is told only of refusals it has not seen.
        logSent = sim.log.length;
        rejectedSent = sim.rejected.filter((r) => r.round < target).length;
        send({ type: 'frame', frame: frameOf(sim, 'schedule') });
        return;
      }
      case 'apply': {
        if (!sim) return noRun(msg.requestId);
        try {
          sim.apply(msg.action);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        tracker!.update();
        send({ type: 'actionResult', requestId: msg.requestId, action: msg.action, round: sim.round });
        send({ type: 'frame', frame: frameOf(sim, 'action') });
        return;
      }
      case 'watch':
        watched = msg.node;
        if (!sim) return noRun(null);
        send({ type: 'frame', frame: frameOf(sim, 'watch') });
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
