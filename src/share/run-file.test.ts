import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { scenarioText } from '../export/run-exports';
import { membershipCsvText, membershipJsonText } from '../export/membership-exports';
import { pointOf } from '../run/membership-summary';
import { MembershipSimulation } from '../engine/membership';
import { membershipScenarioText, parseRunFile } from './run-file';
import type { FileText } from '../engine/scenario';

/** The text of a file the writer accepted (a refusal fails the test). */
const textOf = (f: FileText): string => {
  if (!f.ok) throw new Error(f.reason);
  return f.text;
};

const membership = { protocol: 'swim' as const, nodes: 12, seed: 4, loss: 0.05 };
const actions = [{ round: 2, action: { type: 'crash' as const, node: 3 } }, { round: 5, action: { type: 'isolate' as const, nodes: [0, 1] } }];

describe('scenario files of either model', () => {
  it('round-trips a membership run through its scenario file', () => {
    const parsed = parseRunFile(textOf(membershipScenarioText(membership, actions, 'crash and cut')));
    expect(parsed).toEqual({ ok: true, model: 'membership', scenario: { format: 'gossip-lab-scenario', version: 1, model: 'membership', name: 'crash and cut', config: membership, actions } });
  });

  it('reads a spreading scenario as before (the CLI format, no model field)', () => {
    const text = scenarioText({ runConfig: { ...DEFAULT_CONFIG, nodes: 40 }, schedule: [{ round: 1, action: { type: 'write', node: 2, key: 0 } }], history: [] });
    const parsed = parseRunFile(textOf(text));
    expect(parsed.ok && parsed.model).toBe('spread');
  });

  it('lists what is wrong with a membership file, with JSON paths, and never throws', () => {
    const bad = (data: unknown) => parseRunFile(JSON.stringify(data));
    const file = (config: unknown, acts: unknown = []) => ({ format: 'gossip-lab-scenario', version: 1, model: 'membership', config, actions: acts });
    expect(bad(file({ ...membership, nodes: 1 }))).toMatchObject({ ok: false, problems: [{ path: '$.config.nodes' }] });
    expect(bad(file(membership, [{ round: 1, action: { type: 'crash', node: 99 } }]))).toMatchObject({ ok: false, problems: [{ path: '$.actions[0].action', message: expect.stringMatching(/node 99 does not exist/) }] });
    expect(bad(file(null)).ok).toBe(false);
    expect(bad({ ...file(membership), model: 'gossip' })).toEqual({ ok: false, problems: [{ path: '$.model', message: "'spread' or 'membership'" }] });
    expect(parseRunFile('{nope').ok).toBe(false);
    expect(parseRunFile('[]').ok).toBe(false);
  });
});

describe('membership metrics exports', () => {
  it('has one CSV row per round and the same figures in JSON', () => {
    const sim = new MembershipSimulation(membership);
    const history = Array.from({ length: 5 }, () => pointOf(sim.step()));
    const csv = membershipCsvText(history).trim().split('\n');
    expect(csv[0]).toBe('round,suspicions,falsePositives,refutations,declaredDead,wronglyDead,wronglyAlive,messagesPerNode,bytesPerNode');
    expect(csv).toHaveLength(6);
    expect(csv[5].split(',')[0]).toBe('5');
    const json = JSON.parse(membershipJsonText(membership, actions, history));
    expect(json.rounds).toHaveLength(5);
    expect(json.rounds[4].messagesPerNode).toBeCloseTo(Number(csv[5].split(',')[7]), 5);
  });
});
