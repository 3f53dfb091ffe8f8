import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import { degreeOf, neighborAt } from './topology';
import { MAX_GROUPS } from './world';
import {
  MESSAGE_KINDS, OUTCOME_DEAD, OUTCOME_DELIVERED, OUTCOME_LOST, OUTCOME_PARTITION,
  type Action, type SimConfig,
} from './types';

/**
 * Property tests: random small configurations and random action sequences (crash, recover,
 * partition, isolate, one-way cuts and link loss, heal, setLoss, write — some of them invalid), with every invariant checked after
 * every action and every round. fast-check prints the seed and the shrunk counterexample of a
 * failure, so any failure replays exactly.
 */

const KIND_PULL_REQUEST = MESSAGE_KINDS.indexOf('pull-request');

const arbConfig: fc.Arbitrary<SimConfig> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 40 }),
    protocol: fc.constantFrom('push' as const, 'pull' as const, 'push-pull' as const),
    // Weighted towards fanout 1 on the complete graph with one key: the engine's fast path.
    fanout: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) }),
    topology: fc.oneof(
      { weight: 3, arbitrary: fc.constant('complete' as const) },
      { weight: 1, arbitrary: fc.constantFrom('ring' as const, 'random' as const, 'grid' as const) },
    ),
    degree: fc.integer({ min: 1, max: 8 }),
    loss: fc.oneof(fc.constantFrom(0, 0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    keys: fc.oneof({ weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    originPick: fc.integer({ min: -1, max: 39 }),
  })
  .map(({ originPick, ...c }) => ({ ...DEFAULT_CONFIG, ...c, fanout: Math.min(c.fanout, c.nodes - 1), origin: Math.min(originPick, c.nodes - 1) }));

/** Node ids may be out of range (up to 44 for ≤ 40 nodes): such actions must be refused. */
const arbNode = fc.integer({ min: 0, max: 44 });
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('write' as const), node: arbNode, key: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('crash' as const), node: arbNode }),
  fc.record({ type: fc.constant('recover' as const), node: arbNode }),
  fc.record({ type: fc.constant('setLoss' as const), p: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.5)) }),
  fc.record({ type: fc.constant('partition' as const), groups: fc.array(fc.array(arbNode, { maxLength: 12 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('isolate' as const), nodes: fc.array(arbNode, { maxLength: 6 }) }),
  fc.record({
    type: fc.constant('setLink' as const), from: fc.integer({ min: 0, max: 4 }), to: fc.integer({ min: 0, max: 4 }),
    blocked: fc.boolean(), loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.5)),
  }),
  fc.constant({ type: 'heal' as const }),
);
const arbScript = fc.array(fc.record({ round: fc.integer({ min: 0, max: 11 }), action: arbAction }), { maxLength: 14 });
const arbOptions = fc.record({ recordMessages: fc.boolean(), trackNodeStats: fc.boolean() });

/** A plain assertion: expect() costs microseconds, too slow for checks per node and round. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Element-wise equality of two typed arrays (vitest's deep equality is slow on 4096 entries). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function informedRecount(sim: Simulation, key: number): number {
  const w = sim.world;
  let c = 0;
  if (w.latest[key] !== 0) for (let i = 0; i < w.nodes; i++) if (w.alive[i] && w.version(i, key) === w.latest[key]) c++;
  return c;
}

function expectConsistent(sim: Simulation, written: Set<number>[]): void {
  const w = sim.world;
  let live = 0;
  for (let i = 0; i < w.nodes; i++) live += w.alive[i];
  expect(w.liveCount).toBe(live);
  for (let k = 0; k < w.keys; k++) {
    expect(w.informed[k], `informed[${k}] drifted from a recount`).toBe(informedRecount(sim, k));
    for (let i = 0; i < w.nodes; i++) {
      const v = w.version(i, k);
      check(v === 0 || written[k].has(v), `node ${i} holds version ${v} of key ${k}, never written`);
      check(v <= w.latest[k], `node ${i} holds ${v} of key ${k}, newer than the latest ${w.latest[k]}`);
    }
  }
}

function runScript(config: SimConfig, options: { recordMessages: boolean; trackNodeStats: boolean }, script: { round: number; action: Action }[]): void {
  const sim = new Simulation(config, options);
  const w = sim.world;
  const K = config.keys;
  const written = Array.from({ length: K }, () => new Set<number>());
  if (config.origin >= 0) written[0].add(w.version(config.origin, 0));
  const neighbourSets = sim.topology.offsets
    ? Array.from({ length: config.nodes }, (_, u) => new Set(Array.from({ length: degreeOf(sim.topology, u) }, (_, i) => neighborAt(sim.topology, u, i))))
    : null;
  expectConsistent(sim, written);

  for (let round = 0; round < 12; round++) {
    for (const { action } of script.filter((s) => s.round === round)) {
      const before = {
        cur: w.cur.slice(), alive: w.alive.slice(), group: w.group.slice(), informed: w.informed.slice(),
        blocked: w.blocked.slice(), linkLoss: w.linkLoss.slice(), loss: w.loss, log: sim.log.length,
      };
      let refused = false;
      try {
        sim.apply(action);
      } catch {
        refused = true;
      }
      if (refused) {
        // A refused action changes nothing at all.
        const what = `refused ${JSON.stringify(action)} changed`;
        check(same(w.cur, before.cur) && same(w.alive, before.alive) && same(w.group, before.group), `${what} the nodes`);
        check(same(w.informed, before.informed), `${what} the informed counts`);
        check(same(w.blocked, before.blocked) && same(w.linkLoss, before.linkLoss) && w.loss === before.loss, `${what} the network`);
        check(sim.log.length === before.log, `${what} the log`);
        continue;
      }
      if (action.type === 'write') written[action.key].add(w.version(action.node, action.key));
      for (let i = 0; i < w.cur.length; i++) check(w.cur[i] >= before.cur[i], `${action.type} lowered slot ${i}`);
      if (action.type !== 'crash' && action.type !== 'write') {
        for (let k = 0; k < K; k++) expect(w.informed[k]).toBeGreaterThanOrEqual(before.informed[k]);
      }
      expectConsistent(sim, written);
    }

    const cur0 = w.cur.slice();
    const alive0 = w.alive.slice();
    const group0 = w.group.slice();
    const blocked0 = w.blocked.slice();
    const lossy0 = (from: number, to: number): boolean => w.lossBetween(from, to) > 0;
    const informed0 = w.informed.slice();
    const sentCount0 = w.sentCount?.slice();
    const m = sim.step();

    // Message accounting.
    expect(m.sent).toBe(m.delivered + m.droppedLoss + m.droppedPartition + m.droppedDead);
    expect(m.redundant).toBeLessThanOrEqual(m.delivered);
    expect(m.traffic).toBeLessThanOrEqual(m.sent);
    expect(m.informed).toEqual(Array.from(w.informed));
    if (w.loss === 0 && !w.linkLossy) expect(m.droppedLoss).toBe(0);
    if (!w.partitioned) expect(m.droppedPartition).toBe(0);
    // Within a round nothing crashes and nothing is written: informed counts only grow,
    // versions only grow, and crashed nodes neither change nor send.
    for (let k = 0; k < K; k++) expect(m.informed[k]).toBeGreaterThanOrEqual(informed0[k]);
    const firstTime = new Array<number>(K).fill(0);
    for (let i = 0; i < config.nodes; i++) {
      for (let k = 0; k < K; k++) {
        const [a, b] = [cur0[i * K + k], w.cur[i * K + k]];
        check(b >= a, `round ${m.round}: node ${i} went from version ${a} to ${b} of key ${k}`);
        if (a === 0 && b !== 0) firstTime[k]++;
        check(alive0[i] === 1 || b === a, `round ${m.round}: crashed node ${i} changed state`);
      }
      check(alive0[i] === 1 || !sentCount0 || w.sentCount![i] === sentCount0[i], `round ${m.round}: crashed node ${i} sent`);
    }
    expect(m.newlyInformed).toEqual(firstTime);
    expectConsistent(sim, written);

    const msgs = sim.messages;
    if (!msgs) continue;
    expect(msgs.count).toBe(m.sent);
    const byOutcome = [0, 0, 0, 0];
    const learnedFrom = new Set<number>();
    for (let j = 0; j < msgs.count; j++) {
      const [from, to, outcome] = [msgs.from[j], msgs.to[j], msgs.outcome[j]];
      const what = `round ${m.round}: ${MESSAGE_KINDS[msgs.kind[j]]} ${from}→${to}`;
      byOutcome[outcome]++;
      check(alive0[from] === 1, `${what}: sent by a crashed node`);
      check(to !== from, `${what}: sent to itself`);
      check(!neighbourSets || neighbourSets[from].has(to), `${what}: not an edge of the graph`);
      const crosses = blocked0[group0[from] * MAX_GROUPS + group0[to]] !== 0;
      if (outcome === OUTCOME_DELIVERED) {
        check(!crosses, `${what}: delivered across a cut`);
        check(alive0[to] === 1, `${what}: delivered to a crashed node`);
        // Merge semantics: a delivered payload leaves the receiver at least as new as the sender.
        if (msgs.kind[j] !== KIND_PULL_REQUEST) {
          for (let k = 0; k < K; k++) check(w.cur[to * K + k] >= cur0[from * K + k], `${what}: receiver older than sender on key ${k}`);
        }
        if (msgs.useful[j]) learnedFrom.add(to);
      } else {
        check(msgs.useful[j] === 0, `${what}: undelivered yet useful`);
        check(outcome !== OUTCOME_PARTITION || crosses, `${what}: dropped by a cut it does not cross`);
        check(outcome !== OUTCOME_DEAD || alive0[to] === 0, `${what}: dropped as dead to a live node`);
        check(outcome !== OUTCOME_LOST || lossy0(from, to), `${what}: lost on a lossless link`);
      }
    }
    expect(byOutcome).toEqual([m.delivered, m.droppedLoss, m.droppedPartition, m.droppedDead]);
    // Every change of state is explained by a useful delivery, and every useful one changed something.
    for (let i = 0; i < config.nodes; i++) {
      let changed = false;
      for (let k = 0; k < K; k++) if (w.cur[i * K + k] !== cur0[i * K + k]) changed = true;
      check(changed === learnedFrom.has(i), `round ${m.round}: node ${i} changed ${changed}, useful delivery ${learnedFrom.has(i)}`);
    }
  }
}

describe('engine invariants under random configurations and actions', () => {
  it('hold after every action and every round', () => {
    fc.assert(fc.property(arbConfig, arbOptions, arbScript, (config, options, script) => {
      runScript(config, options, script);
    }), { numRuns: 400 });
  });

  it('hold on the fast push path, which also matches the generic path round for round', () => {
    const fastConfig = arbConfig.map((c) => ({ ...c, protocol: 'push' as const, fanout: 1, topology: 'complete' as const, keys: 1 }));
    fc.assert(fc.property(fastConfig, arbScript, (config, script) => {
      runScript(config, { recordMessages: false, trackNodeStats: false }, script);
      // Recording messages forces the generic path, whose messages the first property checks.
      const fast = new Simulation(config);
      const generic = new Simulation(config, { recordMessages: true });
      for (let round = 0; round < 12; round++) {
        for (const { action } of script.filter((s) => s.round === round)) {
          for (const sim of [fast, generic]) {
            try { sim.apply(action); } catch { /* refused on both: checked above */ }
          }
        }
        expect(fast.step()).toEqual(generic.step());
        check(fast.world.cur.every((v, i) => v === generic.world.cur[i]), `round ${round + 1}: fast and generic states differ`);
      }
    }), { numRuns: 300 });
  });
});
