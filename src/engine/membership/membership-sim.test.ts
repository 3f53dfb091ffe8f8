import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import type { Action } from '../types';
import { MembershipSimulation, replayMembership } from './membership-sim';
import { membershipStateBytes } from './config';
import { MEMBERSHIP_MAX_NODES, type MembershipConfig, type MembershipRoundMetrics } from './types';

const script: [number, Action][] = [
  [3, { type: 'crash', node: 4 }],
  [5, { type: 'setLoss', p: 0.1 }],
  [8, { type: 'partition', groups: [[0, 1, 2, 3, 5, 6, 7, 8, 9]] }],
  [14, { type: 'heal' }],
  [16, { type: 'recover', node: 4 }],
];

function run(config: MembershipConfig, rounds: number): { sim: MembershipSimulation; metrics: MembershipRoundMetrics[] } {
  const sim = new MembershipSimulation(config, { recordMessages: true });
  const metrics: MembershipRoundMetrics[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [at, a] of script) if (at === sim.round) sim.apply(a);
    metrics.push(sim.step());
  }
  return { sim, metrics };
}

const configs: MembershipConfig[] = [
  { protocol: 'swim', nodes: 30, seed: 42, loss: 0.05, swim: { reconnectInterval: 5 } },
  { protocol: 'heartbeat', nodes: 30, seed: 42, loss: 0.05 },
  { protocol: 'heartbeat', nodes: 30, seed: 42, loss: 0.05, heartbeat: { phi: true, seeds: [0, 10] } },
];

describe('MembershipSimulation determinism', () => {
  it.each(configs)('replays bit for bit from config, seed and actions ($protocol)', (config) => {
    const a = run(config, 30);
    const b = run(config, 30);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.sim.snapshot()).toEqual(a.sim.snapshot());
    const other = run({ ...config, seed: 43 }, 30);
    expect(other.metrics).not.toEqual(a.metrics);
    const replayed = replayMembership(config, a.sim.log, 30);
    expect(replayed.snapshot()).toEqual(a.sim.snapshot());
  });

  it.each(configs)('restores a snapshot exactly, and runs on from it identically ($protocol)', (config) => {
    const { sim } = run(config, 12);
    const snap = sim.snapshot();
    const ahead: MembershipRoundMetrics[] = [];
    for (let r = 0; r < 10; r++) ahead.push(sim.step());
    const end = sim.snapshot();
    sim.apply({ type: 'crash', node: 7 });
    sim.step();
    sim.restore(snap);
    expect(sim.round).toBe(12);
    expect(sim.log).toHaveLength(snap.logLength);
    const again: MembershipRoundMetrics[] = [];
    for (let r = 0; r < 10; r++) again.push(sim.step());
    expect(again).toEqual(ahead);
    expect(sim.snapshot()).toEqual(end);
  });
});

describe('MembershipSimulation input checks', () => {
  it(`refuses more than ${MEMBERSHIP_MAX_NODES} nodes, and other bad configurations, with clear messages`, () => {
    expect(() => new MembershipSimulation({ protocol: 'swim', nodes: MEMBERSHIP_MAX_NODES + 1, seed: 1, loss: 0 })).toThrow(/nodes: an integer from 2 to 10,000/);
    try {
      new MembershipSimulation({ protocol: 'gossip' as 'swim', nodes: 1, seed: -1, loss: 2, swim: { suspicionMult: 0 }, heartbeat: { seeds: [5, 5] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(problems).toEqual(['protocol', 'nodes', 'seed', 'loss', 'swim.suspicionMult', 'heartbeat.seeds']);
    }
  });

  it('refuses bad actions with a message and changes nothing', () => {
    const sim = new MembershipSimulation({ protocol: 'swim', nodes: 10, seed: 1, loss: 0 });
    sim.step();
    const before = sim.snapshot();
    const bad: unknown[] = [
      { type: 'write', node: 1, key: 0 },
      { type: 'crash', node: 10 },
      { type: 'recover', node: -1 },
      { type: 'setLoss', p: 1.5 },
      { type: 'partition', groups: [[1, 2], [3, 99]] },
      { type: 'partition', groups: [] },
      { type: 'explode' },
    ];
    for (const a of bad) expect(() => sim.apply(a as Action)).toThrow(/\w/);
    expect(() => sim.apply({ type: 'write', node: 1, key: 0 })).toThrow(/no keys to write/);
    expect(sim.snapshot()).toEqual(before);
  });
});

describe('memory', () => {
  it.each([
    { protocol: 'swim', nodes: 40, seed: 1, loss: 0 },
    { protocol: 'heartbeat', nodes: 40, seed: 1, loss: 0 },
    { protocol: 'heartbeat', nodes: 40, seed: 1, loss: 0, heartbeat: { phi: true } },
  ] as MembershipConfig[])('n² × bytes per pair is what the run holds ($protocol)', (config) => {
    const sim = new MembershipSimulation(config);
    let pairBytes = 0;
    const walk = (v: unknown): void => {
      if (ArrayBuffer.isView(v)) {
        if ((v as unknown as ArrayLike<number>).length === 40 * 40) pairBytes += v.byteLength;
      } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(sim.snapshot());
    expect(pairBytes).toBe(membershipStateBytes(config));
  });
});

describe('MembershipSimulation views and counts', () => {
  it('answers view, wrongCounts, beliefCounts and the matrix consistently', () => {
    const sim = new MembershipSimulation({ protocol: 'swim', nodes: 12, seed: 5, loss: 0, swim: { suspicionMult: 1 } });
    sim.apply({ type: 'crash', node: 3 });
    let m = sim.step();
    expect(m.wronglyAlive).toBe(11);
    for (let r = 0; r < 30; r++) m = sim.step();
    expect(m.wronglyAlive).toBe(0);
    expect(m.wronglyDead).toBe(0);
    const { wronglyDead, wronglyAlive } = sim.wrongCounts();
    expect(Array.from(wronglyAlive)).toEqual(new Array(12).fill(0));
    expect(Array.from(wronglyDead)).toEqual(new Array(12).fill(0));
    const matrix = sim.viewMatrix()!;
    expect(matrix).toHaveLength(144);
    const [unknown, alive, suspect, dead] = sim.beliefCounts(3);
    expect(unknown + dead).toBe(11);
    expect(alive + suspect).toBe(0);
    for (let o = 0; o < 12; o++) if (o !== 3) expect(['dead', 'unknown']).toContain(sim.view(o, 3).state);
    expect(sim.view(0, 1)).toEqual({ state: 'alive', incarnation: 0 });
    expect(new MembershipSimulation({ protocol: 'swim', nodes: 101, seed: 1, loss: 0 }).viewMatrix()).toBeNull();
    const s = sim.summary();
    expect(s.crashes).toHaveLength(1);
    expect(s.crashes[0].allKnow).toBeGreaterThanOrEqual(s.crashes[0].firstDead);
    expect(s.messagesPerNodeRound).toBeGreaterThan(1);
  });

  it('records every message with its outcome when asked', () => {
    const sim = new MembershipSimulation({ protocol: 'heartbeat', nodes: 6, seed: 1, loss: 0 }, { recordMessages: true });
    sim.apply({ type: 'crash', node: 2 });
    const m = sim.step();
    const b = sim.messages!;
    expect(b.count).toBe(m.sent);
    let dead = 0;
    for (let i = 0; i < b.count; i++) if (b.outcome[i] === 3) dead++;
    expect(dead).toBe(m.droppedDead);
    expect(m.sentByKind.reduce((x, y) => x + y, 0)).toBe(m.sent);
  });
});
