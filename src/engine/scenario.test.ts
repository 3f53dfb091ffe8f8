import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { MAX_SCENARIO_BYTES, parseScenario, toScenario } from './scenario';
import { Simulation } from './simulation';

const valid = {
  format: 'gossip-lab-scenario',
  version: 1,
  name: 'split and heal',
  config: { nodes: 60, protocol: 'push-pull' },
  actions: [
    { round: 0, action: { type: 'partition', groups: [[0, 1, 2, 3]] } },
    { round: 3, action: { type: 'write', node: 40, key: 0 } },
    { round: 8, action: { type: 'heal' } },
  ],
};

describe('scenario files', () => {
  it('parse, fill defaults and sort actions by round', () => {
    const r = parseScenario(JSON.stringify({ ...valid, actions: [...valid.actions].reverse() }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.config).toEqual({ ...DEFAULT_CONFIG, nodes: 60, protocol: 'push-pull' });
    expect(r.scenario.actions.map((a) => a.round)).toEqual([0, 3, 8]);
  });

  it('name each problem with its JSON path', () => {
    const bad = {
      ...valid,
      config: { nodes: 'sixty', colour: 'red' },
      actions: [{ round: 1, action: { type: 'crash', node: -3 } }, { round: 2, action: { type: 'explode' } }],
    };
    const r = parseScenario(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('$.config.nodes');
    expect(paths).toContain('$.config');
    expect(paths).toContain('$.actions[0].action.node');
    expect(paths).toContain('$.actions[1].action.type');
  });

  it('refuse node ids beyond the configured cluster, and files too large', () => {
    const r = parseScenario(JSON.stringify({ ...valid, actions: [{ round: 1, action: { type: 'crash', node: 60 } }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '$.actions[0].action', message: expect.stringMatching(/node 60 does not exist/) });
    const huge = parseScenario(' '.repeat(MAX_SCENARIO_BYTES + 1));
    expect(huge.ok).toBe(false);
  });

  it('never throw on malformed input', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const text of ['', '{', 'null', '42', '"x"', '[]', deep, JSON.stringify({ ...valid, version: 3 }), JSON.stringify({ ...valid, config: { nodes: 1e308 } })]) {
      const r = parseScenario(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      const r = parseScenario(JSON.stringify(v));
      return r.ok === false && r.problems.every((p) => p.path.startsWith('$') && p.message.length > 0);
    }), { numRuns: 300 });
  });

  it('carry setting actions (fanout, delay, rumor k) and replay them identically', () => {
    const config = { ...DEFAULT_CONFIG, nodes: 80, protocol: 'rumor' as const };
    const live = new Simulation(config);
    const rounds = [] as unknown[];
    for (let r = 0; r < 10; r++) {
      if (r === 2) live.apply({ type: 'setFanout', fanout: 3 });
      if (r === 3) live.apply({ type: 'setRumorK', k: 5 });
      if (r === 5) live.apply({ type: 'setDelay', delay: { kind: 'uniform', min: 1, max: 2 } });
      rounds.push(live.step());
    }
    const parsed = parseScenario(JSON.stringify(toScenario(live.config, live.log)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.actions.map((e) => e.action.type)).toEqual(['setFanout', 'setRumorK', 'setDelay']);
    const again = new Simulation(parsed.scenario.config, { schedule: parsed.scenario.actions });
    expect(Array.from({ length: 10 }, () => again.step())).toEqual(rounds);
  });

  it('name what is wrong with a setting action by its path', () => {
    const file = (action: unknown, config: object = { nodes: 10 }) => parseScenario(JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config, actions: [{ round: 1, action }] }));
    expect(file({ type: 'setFanout', fanout: 10 })).toEqual({ ok: false, problems: [{ path: '$.actions[0].action.fanout', message: "fanout 10 is more than the scenario's 10 nodes allow (at most 9)" }] });
    expect(file({ type: 'setRumorK', k: 3 })).toEqual({ ok: false, problems: [{ path: '$.actions[0].action.k', message: 'rumor k applies to rumor mongering only (the scenario uses push)' }] });
    expect(file({ type: 'setDelay', delay: { kind: 'uniform', min: 3, max: 2 } })).toMatchObject({ ok: false, problems: [{ path: '$.actions[0].action.delay' }] });
    const bad = file({ type: 'setFanout', fanout: 'many' });
    expect(bad.ok === false && bad.problems[0].path).toBe('$.actions[0].action.fanout');
  });

  it('replays identically from its file', () => {
    const live = new Simulation({ ...DEFAULT_CONFIG, nodes: 60, protocol: 'push-pull' });
    const rounds = [] as unknown[];
    live.apply({ type: 'partition', groups: [[0, 1, 2, 3, 4, 5]] });
    for (let r = 0; r < 12; r++) {
      if (r === 4) live.apply({ type: 'write', node: 50, key: 0 });
      if (r === 9) live.apply({ type: 'heal' });
      rounds.push(live.step());
    }
    const file = JSON.stringify(toScenario(live.config, live.log));
    const parsed = parseScenario(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = new Simulation(parsed.scenario.config, { schedule: parsed.scenario.actions });
    expect(Array.from({ length: 12 }, () => again.step())).toEqual(rounds);
  });
});
