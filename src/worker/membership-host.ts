import { ConfigError } from '../engine/config';
import {
  MembershipSimulation, membershipStateBytes,
  type MembershipRoundMetrics,
} from '../engine/membership';
import type { Action, LoggedAction } from '../engine/types';
import { copyMessages, groupsOf, matrixOf, suspectedOf, tableOf } from './membership-frame';
import {
  MEMBERSHIP_ANIMATE_LIMIT, membershipTransferables,
  type ComparisonSeries, type FromMembershipWorker, type MembershipFrameCause, type MembershipWireFrame, type ToMembershipWorker,
} from './membership-protocol';

export type MembershipPost = (msg: FromMembershipWorker, transfer: Transferable[]) => void;

/** Rounds one step request may ask for. */
export const MAX_MEMBERSHIP_STEPS = 500;
/** Rounds a comparison may run per variant (it runs outside the live run, so it must stay short). */
export const MAX_COMPARE_ROUNDS = 1000;
/** Largest cluster a comparison may run (variants × rounds × n² must stay quick). */
export const MAX_COMPARE_NODES = 200;

export function errorText(e: unknown): string {
  if (e instanceof ConfigError) return e.problems.join('; ');
  return e instanceof Error ? e.message : String(e);
}

/**
 * The membership worker's logic without the worker: it owns one MembershipSimulation and its
 * timeline and answers every request through `post`. Pure message handling, so tests drive it
 * directly.
 *
 * @example
 *   const host = createMembershipHost((msg) => console.log(msg.type));
 *   host.handle({ type: 'init', runId: 1, config: { protocol: 'swim', nodes: 20, seed: 1, loss: 0 }, schedule: [] });
 *   host.handle({ type: 'step', requestId: 1 }); // → 'frame'
 */
export function createMembershipHost(post: MembershipPost): { handle(msg: ToMembershipWorker): void } {
  let sim: MembershipSimulation | null = null;
  let runId = 0;
  let schedule: LoggedAction[] = [];
  let next = 0;
  let group: Uint8Array = new Uint8Array(0);
  let lastMetrics: MembershipRoundMetrics | null = null;
  let watched: number | null = null;
  let wantMatrix = false;
  let applied: LoggedAction[] = [];
  let rejected: MembershipWireFrame['rejected'] = [];

  const send = (msg: FromMembershipWorker): void => post(msg, membershipTransferables(msg));

  /** Applies an action to the run and mirrors partitions into `group` (the engine keeps its groups private). */
  function applyToRun(s: MembershipSimulation, action: Action): void {
    s.apply(action);
    if (action.type === 'partition') group = groupsOf(s.config.nodes, action.groups);
    else if (action.type === 'heal') group = new Uint8Array(s.config.nodes);
  }

  /** Timeline entries due after the current round. */
  function runDue(s: MembershipSimulation): void {
    while (next < schedule.length && schedule[next].round <= s.round) {
      const entry = schedule[next++];
      if (entry.round < s.round) continue;
      try {
        applyToRun(s, entry.action);
        applied.push(structuredClone(entry));
      } catch (e) {
        rejected.push({ round: entry.round, action: structuredClone(entry.action), reason: errorText(e) });
      }
    }
  }

  function frameOf(s: MembershipSimulation, cause: MembershipFrameCause): MembershipWireFrame {
    const { wronglyDead, wronglyAlive } = s.wrongCounts();
    const animate = cause === 'step' && s.config.nodes <= MEMBERSHIP_ANIMATE_LIMIT && s.messages !== null;
    const frame: MembershipWireFrame = {
      runId,
      cause,
      round: s.round,
      alive: s.alive.slice(),
      group: group.slice(),
      wronglyDead,
      wronglyAlive,
      suspected: suspectedOf(s),
      metrics: lastMetrics,
      summary: s.summary(),
      messages: animate ? copyMessages(s.messages!) : null,
      loss: lossOf(s),
      partitioned: group.some((g) => g !== 0),
      table: watched !== null && Number.isInteger(watched) && watched >= 0 && watched < s.config.nodes ? tableOf(s, watched) : null,
      matrix: wantMatrix ? matrixOf(s) : null,
      applied,
      rejected,
    };
    applied = [];
    rejected = [];
    return frame;
  }

  /** The loss in force: the configured one, or the last setLoss applied. */
  function lossOf(s: MembershipSimulation): number {
    for (let i = s.log.length - 1; i >= 0; i--) {
      const a = s.log[i].action;
      if (a.type === 'setLoss') return a.p;
    }
    return s.config.loss;
  }

  function init(msg: Extract<ToMembershipWorker, { type: 'init' }>): void {
    let built: MembershipSimulation;
    try {
      built = new MembershipSimulation(msg.config, { recordMessages: msg.config.nodes <= MEMBERSHIP_ANIMATE_LIMIT });
    } catch (e) {
      send({ type: 'error', requestId: null, message: `Could not build the run: ${errorText(e)}` });
      return;
    }
    sim = built;
    runId = msg.runId;
    schedule = [...(msg.schedule ?? [])].sort((a, b) => a.round - b.round).map((e) => structuredClone(e));
    next = 0;
    group = new Uint8Array(built.config.nodes);
    lastMetrics = null;
    applied = [];
    rejected = [];
    if (watched !== null && watched >= built.config.nodes) watched = null;
    send({ type: 'ready', runId, config: structuredClone(built.config), stateBytes: membershipStateBytes(built.config) });
    runDue(built);
    send({ type: 'frame', frame: frameOf(built, 'init') });
  }

  function step(requestId: number, count: number | undefined): void {
    if (!sim) {
      send({ type: 'error', requestId, message: 'No run yet.' });
      return;
    }
    const c = count ?? 1;
    if (!Number.isInteger(c) || c < 1 || c > MAX_MEMBERSHIP_STEPS) {
      send({ type: 'error', requestId, message: `step count must be an integer from 1 to ${MAX_MEMBERSHIP_STEPS}` });
      return;
    }
    for (let i = 0; i < c; i++) {
      lastMetrics = sim.step();
      runDue(sim);
    }
    send({ type: 'frame', frame: frameOf(sim, 'step') });
  }

  function apply(requestId: number, action: Action): void {
    if (!sim) {
      send({ type: 'error', requestId, message: 'No run yet.' });
      return;
    }
    try {
      applyToRun(sim, action);
    } catch (e) {
      send({ type: 'error', requestId, message: errorText(e) });
      return;
    }
    send({ type: 'actionResult', requestId, action: structuredClone(action), round: sim.round });
    send({ type: 'frame', frame: frameOf(sim, 'action') });
  }

  function compare(msg: Extract<ToMembershipWorker, { type: 'compare' }>): void {
    const { requestId, config, rounds } = msg;
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_COMPARE_ROUNDS) {
      send({ type: 'error', requestId, message: `a comparison runs 1 to ${MAX_COMPARE_ROUNDS} rounds` });
      return;
    }
    if (!(config?.nodes <= MAX_COMPARE_NODES)) {
      send({ type: 'error', requestId, message: `comparisons run clusters of at most ${MAX_COMPARE_NODES} nodes` });
      return;
    }
    const series: ComparisonSeries[] = [];
    try {
      for (const v of msg.variants) {
        const run = new MembershipSimulation({
          ...config,
          swim: { ...config.swim, ...v.swim },
          heartbeat: { ...config.heartbeat, ...v.heartbeat },
        });
        const log = [...msg.schedule].sort((a, b) => a.round - b.round);
        let k = 0;
        const wronglyDead: number[] = [];
        for (;;) {
          while (k < log.length && log[k].round === run.round) run.apply(log[k++].action);
          if (run.round >= rounds) break;
          wronglyDead.push(run.step().wronglyDead);
        }
        series.push({ label: v.label, wronglyDead, summary: run.summary() });
      }
    } catch (e) {
      send({ type: 'error', requestId, message: `The comparison could not run: ${errorText(e)}` });
      return;
    }
    send({ type: 'comparison', requestId, series });
  }

  return {
    handle(msg: ToMembershipWorker): void {
      switch (msg.type) {
        case 'init':
          init(msg);
          return;
        case 'step':
          step(msg.requestId, msg.count);
          return;
        case 'apply':
          apply(msg.requestId, msg.action);
          return;
        case 'watch':
          watched = msg.node;
          wantMatrix = msg.matrix;
          if (sim) send({ type: 'frame', frame: frameOf(sim, 'watch') });
          else send({ type: 'error', requestId: null, message: 'No run yet.' });
          return;
        case 'compare':
          compare(msg);
          return;
        default: {
          const unknown: never = msg;
          send({ type: 'error', requestId: null, message: `unknown request ${JSON.stringify(unknown)}` });
        }
      }
    },
  };
}
