import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { replay, Simulation } from './simulation';
import { depthHistogram, spreadDepths, spreadPath, type SpreadTrace } from './spread-trace';
import { OUTCOME_DELIVERED, type Action, type SimConfig } from './types';

const traceOf = (sim: Simulation): SpreadTrace => ({ keys: sim.world.keys, informer: sim.world.informer!.slice(), learnedAt: sim.world.learnedAt!.slice() });

/** Every delivered message that changed its receiver, as "from>to@round". */
function runWithLog(config: SimConfig, rounds: number, script: Record<number, Action[]> = {}) {
  const sim = new Simulation(config, { recordMessages: true, traceSpread: true });
  const useful = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    for (const a of script[r] ?? []) sim.apply(a);
    sim.step();
    const m = sim.messages!;
    for (let i = 0; i < m.count; i++) {
      if (m.outcome[i] === OUTCOME_DELIVERED && m.useful[i] === 1) useful.add(`${m.from[i]}>${m.to[i]}@${m.deliverRound[i]}`);
    }
  }
  return { sim, useful };
}

describe('who told whom', () => {
  const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 40, protocol: 'push', fanout: 2, seed: 5 };

  it('every path starts at the writer and every hop is a useful delivered message of an earlier round than the next', () => {
    const { sim, useful } = runWithLog(config, 12);
    const t = traceOf(sim);
    expect(sim.world.informed[0]).toBe(40);
    for (let node = 0; node < 40; node++) {
      const path = spreadPath(t, node);
      expect(path.origin).toBe(config.origin);
      expect(path.writtenAt).toBe(0);
      if (node === config.origin) expect(path.hops).toEqual([]);
      else expect(path.hops.at(-1)!.to).toBe(node);
      let last = 0;
      let at = config.origin;
      for (const hop of path.hops) {
        expect(hop.from).toBe(at);
        expect(hop.round).toBeGreaterThan(last);
        expect(useful.has(`${hop.from}>${hop.to}@${hop.round}`), `${hop.from}>${hop.to}@${hop.round}`).toBe(true);
        last = hop.round;
        at = hop.to;
      }
    }
  });

  it('depths follow the paths and the histogram counts every informed node once', () => {
    const { sim } = runWithLog(config, 12);
    const t = traceOf(sim);
    const depths = spreadDepths(t);
    for (let node = 0; node < 40; node++) expect(depths[node]).toBe(spreadPath(t, node).hops.length);
    const hist = depthHistogram(depths);
    expect(hist[0]).toBe(1);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('a node that holds nothing has no path and depth -1; a restart forgets who told it', () => {
    const sim = new Simulation({ ...config, recoverEmpty: true }, { traceSpread: true });
    expect(spreadPath(traceOf(sim), 3)).toEqual({ origin: null, writtenAt: -1, hops: [] });
    for (let r = 0; r < 10; r++) sim.step();
    expect(spreadPath(traceOf(sim), 3).origin).toBe(0);
    sim.apply({ type: 'crash', node: 3 });
    sim.apply({ type: 'recover', node: 3 });
    expect(sim.world.informer![3]).toBe(-1);
    expect(spreadDepths(traceOf(sim))[3]).toBe(-1);
  });

  it('a second write starts a new tree at its writer, recorded at the write\'s round', () => {
    const sim = new Simulation({ ...config, nodes: 60 }, { traceSpread: true });
    for (let r = 0; r < 3; r++) sim.step();
    sim.apply({ type: 'write', node: 17, key: 0 });
    expect(sim.world.informer![17]).toBe(17);
    expect(sim.world.learnedAt![17]).toBe(3);
    for (let r = 0; r < 15; r++) sim.step();
    const t = traceOf(sim);
    for (let node = 0; node < 60; node++) {
      const p = spreadPath(t, node);
      expect(p.origin).toBe(17);
      expect(p.writtenAt).toBe(3);
    }
  });

  it('tracing changes no draw: a traced and an untraced run give the same metrics', () => {
    const script = { 2: [{ type: 'crash', node: 4 } as Action], 5: [{ type: 'write', node: 9, key: 0 } as Action] };
    for (const protocol of ['push', 'pull', 'push-pull', 'rumor'] as const) {
      const c = { ...config, protocol, nodes: 300, loss: 0.1 };
      const a = new Simulation(c, { traceSpread: true }), b = new Simulation(c);
      for (let r = 0; r < 15; r++) {
        for (const x of script[r as 2] ?? []) { a.apply(x); b.apply(x); }
        expect(a.step()).toEqual(b.step());
      }
    }
  });

  it('is exact under time travel: a restored checkpoint and a replay hold the arrays of the straight run', () => {
    const c = { ...config, nodes: 200, protocol: 'push-pull' as const, loss: 0.2, crashRate: 0.01, recoverRate: 0.3, seed: 9 };
    const sim = new Simulation(c, { traceSpread: true });
    const at: SpreadTrace[] = [];
    const snaps = [];
    for (let r = 0; r < 20; r++) {
      if (r === 6) sim.apply({ type: 'write', node: 50, key: 0 });
      at.push(traceOf(sim));
      snaps.push(sim.snapshot());
      sim.step();
    }
    sim.restore(snaps[7]);
    expect(traceOf(sim)).toEqual(at[7]);
    for (let r = 7; r < 12; r++) sim.step();
    expect(traceOf(sim)).toEqual(at[12]);
    expect(traceOf(replay(c, sim.log, 12, { traceSpread: true }))).toEqual(at[12]);
  });
});

describe('hand-picked peers (pickPeers)', () => {
  const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 30, protocol: 'push', fanout: 2, seed: 3 };

  it('the node contacts exactly the peers chosen, and the run replays the same from its log', () => {
    const sim = new Simulation(config, { recordMessages: true, traceSpread: true });
    sim.apply({ type: 'pickPeers', node: 0, peers: [7, 21] });
    sim.step();
    const m = sim.messages!;
    expect(Array.from(m.to.slice(0, m.count)).sort((a, b) => a - b)).toEqual([7, 21]);
    expect(sim.world.informer![7]).toBe(0);
    expect(sim.world.informer![21]).toBe(0);
    sim.apply({ type: 'pickPeers', node: 0, peers: [3] });
    sim.apply({ type: 'pickPeers', node: 7, peers: [12, 13] });
    sim.apply({ type: 'pickPeers', node: 21, peers: [14, 15] });
    sim.step();
    for (const [node, from] of [[3, 0], [12, 7], [13, 7], [14, 21], [15, 21]]) expect(sim.world.informer![node]).toBe(from);
    for (let r = 0; r < 10; r++) sim.step();
    const again = replay(config, sim.log, sim.round, { traceSpread: true });
    expect(again.world.informer).toEqual(sim.world.informer);
    expect(again.world.cur).toEqual(sim.world.cur);
  });

  it('the fast path gives way for a hand-played round and the run stays bit-identical to the generic one', () => {
    const run = (generic: boolean) => {
      const sim = new Simulation({ ...config, nodes: 500 }, { recordMessages: generic, traceSpread: true });
      const out: unknown[] = [];
      sim.apply({ type: 'pickPeers', node: 0, peers: [1, 2] });
      for (let r = 0; r < 12; r++) {
        if (r === 1) sim.apply({ type: 'pickPeers', node: 2, peers: [400] });
        out.push(sim.step(), Array.from(sim.world.informer!));
      }
      return out;
    };
    expect(run(false)).toEqual(run(true));
  });

  it('refuses a bad choice with a clear message and changes nothing', () => {
    const ring = new Simulation({ ...config, topology: 'ring', degree: 2 }, { traceSpread: true });
    const before = ring.snapshot();
    expect(() => ring.apply({ type: 'pickPeers', node: 0, peers: [15] })).toThrow(/not a neighbour/);
    expect(() => ring.apply({ type: 'pickPeers', node: 0, peers: [0] })).toThrow(/itself/);
    expect(() => ring.apply({ type: 'pickPeers', node: 0, peers: [1, 1] })).toThrow(/twice/);
    expect(() => ring.apply({ type: 'pickPeers', node: 0, peers: [1, 29, 2] })).toThrow(/at most 2/);
    expect(() => ring.apply({ type: 'pickPeers', node: 0, peers: [] })).toThrow(/at least one/);
    expect(() => ring.apply({ type: 'pickPeers', node: 99, peers: [1] })).toThrow(/node must be/);
    expect(ring.snapshot()).toEqual(before);
    expect(ring.log).toEqual([]);
    ring.apply({ type: 'pickPeers', node: 0, peers: [29, 1] });
    expect(ring.snapshot().handPicks).toEqual([[0, [29, 1]]]);
    ring.step();
    expect(ring.snapshot().handPicks).toEqual([]);
  });
});
