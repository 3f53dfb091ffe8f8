import { Simulation } from '../engine/simulation';
import type { Action, LoggedAction, RoundMetrics, SimConfig } from '../engine/types';
import type { RunRecord, TracePoint } from './types';

/** A frame of key 0 from the engine's own state (the page's frames carry the same arrays). */
function tracePointOf(sim: Simulation): TracePoint {
  const { world } = sim;
  const keys = sim.config.keys;
  const versions = new Uint32Array(sim.config.nodes);
  for (let i = 0; i < versions.length; i++) versions[i] = world.cur[i * keys];
  return { round: sim.round, versions, alive: world.alive.slice(), group: world.group.slice() };
}

/**
 * Runs a lesson scenario in the engine, as the page would, for `rounds` rounds (or until
 * `until` says stop), applying `live` actions after the rounds they are keyed by — what a
 * student's clicks do — and records it as the page does. The lesson tests check challenges
 * and measures against real runs with this.
 */
export function recordEngineRun(config: SimConfig, planned: readonly LoggedAction[], rounds: number, {
  live = {}, until,
}: { live?: Record<number, Action[]>; until?: (record: RunRecord) => boolean } = {}): RunRecord {
  // Per-node counters on, as on the page: the busiest node's load is measured from them.
  const sim = new Simulation(config, { schedule: [...planned], trackNodeStats: true });
  const history: RoundMetrics[] = [];
  const trace: TracePoint[] = [];
  const t = sim.topology;
  const record: RunRecord = {
    nodes: config.nodes, history, trace,
    adjacency: t.offsets && t.neighbors ? { offsets: t.offsets, neighbors: t.neighbors } : null,
  };
  const act = (round: number): void => {
    for (const a of live[round] ?? []) sim.apply(a);
  };
  act(0);
  trace.push(tracePointOf(sim));
  for (let r = 1; r <= rounds; r++) {
    history.push(sim.step());
    act(r);
    trace.push(tracePointOf(sim));
    if (until?.(record)) break;
  }
  return record;
}
