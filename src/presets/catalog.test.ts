import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { toScenario, validateScenario } from '../engine/scenario';
import type { SimConfig } from '../engine/types';
import { PRESETS, presetById, type Preset } from './catalog';
import { FIXED_LAYOUTS } from './layout-groups';

const get = (id: string): Preset => {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};

/** Runs a preset in the engine for `rounds` rounds, calling `each` after every round. */
function run(p: Preset, rounds: number, each?: (sim: Simulation) => void, config: SimConfig = p.config): Simulation {
  const sim = new Simulation(config, { schedule: p.schedule, recordMessages: true });
  for (let r = 0; r < rounds; r++) {
    sim.step();
    each?.(sim);
  }
  expect(sim.rejected).toEqual([]);
  return sim;
}

const holders = (sim: Simulation, nodes: readonly number[], version: number) => nodes.filter((n) => sim.world.version(n, 0) === version).length;
const residue = (sim: Simulation) => 1 - sim.world.informed[0] / sim.world.liveCount;

describe('the preset catalog', () => {
  it('holds six presets with distinct names, two-line captions and valid scenario data', () => {
    expect(PRESETS.map((p) => p.title)).toEqual([
      'Partition and heal', 'A rumor dies out (residue)', 'Anti-entropy repairs the residue',
      'Lossy, slow network', 'Asymmetric partition', 'Conflicting writes',
    ]);
    for (const p of PRESETS) {
      expect(p.caption).toHaveLength(2);
      expect(p.caption.every((line) => line.length > 20)).toBe(true);
      const checked = validateScenario(JSON.parse(JSON.stringify(toScenario(p.config, p.schedule))));
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
    }
  });

  it('names groups only on graphs drawn by node id, so they are the halves seen on screen', () => {
    for (const p of PRESETS) {
      if (p.schedule.some((e) => e.action.type === 'partition')) expect(FIXED_LAYOUTS).toContain(p.config.topology);
    }
  });
});

describe('what each caption promises, replayed in the engine', () => {
  it('A rumor dies out: the rumor ends with a residue near Demers et al.\'s 17.6 % and about 1.74 messages per node', () => {
    let traffic = 0;
    const sim = new Simulation(get('rumor-residue').config);
    while (!sim.rumorEnded) traffic += sim.step().traffic;
    expect(get('rumor-residue').caption[1]).toContain(`around round ${sim.round}`);
    expect(residue(sim)).toBeGreaterThan(0.1);
    expect(residue(sim)).toBeLessThan(0.25);
    expect(traffic / sim.world.nodes).toBeGreaterThan(1.5);
    expect(traffic / sim.world.nodes).toBeLessThan(2);
    for (let r = 0; r < 30; r++) sim.step();
    expect(residue(sim)).toBeGreaterThan(0.1); // nothing ever repairs it
  });

  it('Anti-entropy repairs the residue: the same run until round 14, then the residue falls to 0', () => {
    const plain = run(get('rumor-residue'), 14);
    const backed = run(get('anti-entropy-repair'), 14);
    expect(Array.from(backed.world.cur)).toEqual(Array.from(plain.world.cur));
    expect(backed.rumorEnded).toBe(true);
    expect(residue(backed)).toBeGreaterThan(0.1);
    expect(get('anti-entropy-repair').caption[1]).toContain(`a ${Math.round(residue(backed) * 100)} % residue`);
    backed.step();
    expect(backed.world.liveCount - backed.world.informed[0]).toBe(1); // "informs all but one node"
    for (let r = 15; r < 30; r++) backed.step();
    expect(residue(backed)).toBe(0); // "round 30 the last"
    expect(backed.round).toBe(30);
  });

  it('Lossy, slow network: messages stay in flight for rounds, some are lost, and everyone is informed in the end', () => {
    let lost = 0, longest = 0, inFlight = 0;
    const sim = run(get('lossy-slow'), 40, (s) => {
      const m = s.messages!;
      for (let i = 0; i < m.count; i++) longest = Math.max(longest, m.deliverRound[i] - m.sentRound[i] + 1);
      for (let i = 0; i < m.count; i++) if (m.outcome[i] === 1) lost++;
      inFlight = Math.max(inFlight, s.inFlight);
    });
    expect(longest).toBe(4);
    expect(lost).toBeGreaterThan(0);
    expect(inFlight).toBeGreaterThan(20);
    expect(residue(sim)).toBe(0);
  });

  it('Asymmetric partition: the left\'s update never reaches the right; the right\'s crosses and wins', () => {
    const p = get('asymmetric');
    const [left, right] = (p.schedule[0].action as { groups: number[][] }).groups;
    const first = run(p, 11);
    const va = first.world.latest[0];
    expect(holders(first, left, va)).toBe(left.length);
    expect(holders(first, right, va)).toBe(0);
    expect(right.every((n) => first.world.version(n, 0) === 0)).toBe(true);
    const end = run(p, 40);
    const vb = end.world.latest[0];
    expect(vb).toBeGreaterThan(va);
    expect(end.world.codec.writer(vb)).toBeGreaterThan(left.length - 1);
    expect(holders(end, [...left, ...right], vb)).toBe(p.config.nodes);
  });

  it('Conflicting writes: both sides write the same counter; after the heal the higher writer id wins everywhere', () => {
    const p = get('conflicting-writes');
    const [left, right] = (p.schedule[0].action as { groups: number[][] }).groups;
    const before = run(p, 23);
    const { codec } = before.world;
    const vl = before.world.version(left[0], 0), vr = before.world.version(right[0], 0);
    expect(holders(before, left, vl)).toBe(left.length);
    expect(holders(before, right, vr)).toBe(right.length);
    expect(codec.counter(vl)).toBe(codec.counter(vr));
    expect(vr).toBeGreaterThan(vl);
    // The right half wrote first: the later write loses.
    const writes = p.schedule.filter((e) => e.action.type === 'write');
    expect(writes.find((e) => (e.action as { node: number }).node === codec.writer(vr))!.round)
      .toBeLessThan(writes.find((e) => (e.action as { node: number }).node === codec.writer(vl))!.round);
    const after = run(p, 35);
    expect(Array.from(after.world.cur).every((v) => v === vr)).toBe(true);
  });

  it('Partition and heal: the rumor dies before the heal; anti-entropy repairs the right half after it — and without anti-entropy nothing does', () => {
    const p = get('partition-and-heal');
    const [, right] = (p.schedule[0].action as { groups: number[][] }).groups;
    const heal = p.schedule.find((e) => e.action.type === 'heal')!.round;
    const atHeal = run(p, heal);
    expect(atHeal.rumorEnded).toBe(true);
    expect(holders(atHeal, right, 0)).toBe(right.length);
    const beforeBackup = run(p, Math.ceil((heal + 1) / p.config.antiEntropy) * p.config.antiEntropy - 1);
    expect(holders(beforeBackup, right, 0)).toBe(right.length); // the heal alone sends nothing
    expect(residue(run(p, 45))).toBe(0);
    const without = run(p, 60, undefined, { ...p.config, antiEntropy: 0 });
    expect(holders(without, right, 0)).toBe(right.length);
  });
});
