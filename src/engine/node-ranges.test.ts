import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NODE_IDS } from './limits';
import { compactIds, expandActions } from './node-ranges';
import { parseScenario, runFileText, toScenario } from './scenario';
import { DEFAULT_CONFIG } from './config';

const expandOne = (list: unknown, nodes: number) => expandActions([{ round: 0, action: { type: 'isolate', nodes: list } }], nodes);

describe('compact node lists', () => {
  it('read back to exactly the list written, in its order, whatever the list', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.constant(n), fc.oneof(
      fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 400 }),
      fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 2000 }).map((a) => a.sort((x, y) => x - y)),
      fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).map(([a, b]) => Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => Math.min(a, b) + i)),
    ))), ([nodes, ids]) => {
      const written = JSON.parse(JSON.stringify(compactIds(ids))) as unknown;
      const back = expandOne(written, nodes);
      expect(back.ok && (back.value[0].action as { nodes: number[] }).nodes).toEqual(ids);
      expect(JSON.stringify(written).length).toBeLessThanOrEqual(JSON.stringify(ids).length);
    }), { numRuns: 300 });
  });

  it('write a run of ids as a range and a scattered ascending set as a bitmap', () => {
    expect(compactIds(Array.from({ length: 5000 }, (_, i) => i))).toEqual(['0-4999']);
    expect(compactIds([3, 4, 5, 9, 1, 2])).toEqual(['3-5', 9, 1, 2]);
    expect(compactIds([0, 2, 4])).toEqual([0, 2, 4]);
    const evens = Array.from({ length: 5000 }, (_, i) => 2 * i);
    const bits = compactIds(evens);
    expect(typeof bits === 'string' && bits.startsWith('bits:')).toBe(true);
    expect(JSON.stringify(bits).length).toBeLessThan(2000);
  });

  it('check ids and the total before expanding: no link of ranges takes more memory than MAX_NODE_IDS ids', () => {
    expect(expandOne(['0-99'], 50)).toEqual({ ok: false, path: '$.actions[0].action', message: 'node 99 does not exist: the run has 50 nodes (ids 0 to 49)' });
    expect(expandOne([7, 60], 50)).toMatchObject({ ok: false, message: expect.stringMatching(/^node 60 does not exist/) });
    expect(expandOne('bits:____', 8)).toMatchObject({ ok: false, message: expect.stringMatching(/^node \d+ does not exist/) });
    expect(expandOne('bits:!!', 8)).toMatchObject({ ok: false });
    const nodes = 10_000_000;
    const bomb = Array.from({ length: 3 }, (_, i) => ({ round: i, action: { type: 'isolate', nodes: ['0-9999999'] } }));
    const started = Date.now();
    expect(expandActions(bomb, nodes)).toMatchObject({ ok: false, message: `the node lists of this run name more than ${MAX_NODE_IDS.toLocaleString('en-US')} node ids in all` });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a file with compact lists is version 2, one without stays version 1; both read back', () => {
    const config = { ...DEFAULT_CONFIG, nodes: 100 };
    const plain = runFileText(toScenario(config, [{ round: 1, action: { type: 'crash', node: 3 } }]));
    expect(plain.ok && JSON.parse(plain.text).version).toBe(1);
    const halves = [Array.from({ length: 50 }, (_, i) => i), Array.from({ length: 50 }, (_, i) => 50 + i)];
    const grouped = runFileText(toScenario(config, [{ round: 2, action: { type: 'partition', groups: halves } }]));
    expect(grouped.ok && JSON.parse(grouped.text)).toMatchObject({ version: 2, actions: [{ round: 2, action: { type: 'partition', groups: [['0-49'], ['50-99']] } }] });
    const back = grouped.ok ? parseScenario(grouped.text) : null;
    expect(back?.ok && back.scenario.actions).toEqual([{ round: 2, action: { type: 'partition', groups: halves } }]);
    const wrong = parseScenario(JSON.stringify({ format: 'gossip-lab-scenario', version: 2, config: { nodes: 10 }, actions: [{ round: 0, action: { type: 'isolate', nodes: ['5-2'] } }] }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problems[0].path).toBe('$.actions[0].action.nodes[0]');
  });
});
