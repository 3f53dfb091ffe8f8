import { ConfigError } from '../engine/config';
import { Simulation } from '../engine/simulation';
import type { MessageBatch, RoundMetrics, SimConfig } from '../engine/types';
import { transferables, type EngineOptions, type FromWorker, type ToWorker, type WireFrame } from './protocol';

export type Post = (msg: FromWorker, transfer: Transferable[]) => void;

/** Rounds one `step` request may ask for; keeps one request from blocking the worker for long. */
const MAX_STEP_COUNT = 1000;

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
  let graphId = 0;
  let options: EngineOptions = { recordMessages: false, trackNodeStats: true };
  let lastMetrics: RoundMetrics | null = null;
  let watched: number | null = null;

  const send = (msg: FromWorker): void => post(msg, transferables(msg));

  function build(id: number, config: SimConfig): void {
    try {
      sim = new Simulation(config, options);
    } catch (e) {
      const message = e instanceof ConfigError ? e.problems.join('; ') : errorText(e);
      send({ type: 'error', requestId: null, message: `Could not build the run: ${message}` });
      return;
    }
    graphId = id;
    lastMetrics = null;
    const t = sim.topology;
    send({
      type: 'ready',
      config: { ...sim.config },
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
    send({ type: 'frame', frame: frameOf(sim, 'init') });
  }

  function frameOf(s: Simulation, cause: WireFrame['cause']): WireFrame {
    const w = s.world;
    const base = lastMetrics ?? emptyMetrics(s.round, w.keys);
    const metrics: RoundMetrics = { ...base, live: w.liveCount, informed: Array.from(w.informed) };
    const sentCount = w.sentCount, receivedCount = w.receivedCount;
    const node = watched !== null && watched < w.nodes ? watched : null;
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
    };
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        options = { ...msg.options };
        build(msg.graphId, msg.config);
        return;
      case 'reset':
        if (!sim) return noRun(null);
        build(msg.graphId, sim.config);
        return;
      case 'step': {
        if (!sim) return noRun(msg.requestId);
        const count = Math.min(MAX_STEP_COUNT, Math.max(1, Math.floor(msg.count ?? 1)));
        for (let i = 0; i < count; i++) lastMetrics = sim.step();
        send({ type: 'frame', frame: frameOf(sim, 'step') });
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
        send({ type: 'actionResult', requestId: msg.requestId, action: msg.action });
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

function emptyMetrics(round: number, keys: number): RoundMetrics {
  const perKey = (): number[] => new Array<number>(keys).fill(0);
  return {
    round, live: 0, sent: 0, delivered: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0,
    redundant: 0, traffic: 0, informed: perKey(), newlyInformed: perKey(),
    inFlight: 0, infective: perKey(), removed: perKey(), crashes: 0, recoveries: 0,
  };
}

/**
 * The first `count` entries of every column in fresh buffers (the engine reuses its own next
 * round). Columns are found by type, so a column the engine adds travels without a change here.
 */
function copyBatch(b: MessageBatch): MessageBatch {
  const n = b.count;
  const out: Record<string, unknown> = { count: n };
  for (const [name, column] of Object.entries(b)) {
    if (column instanceof Uint32Array || column instanceof Uint8Array) out[name] = column.slice(0, n);
  }
  return out as unknown as MessageBatch;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
