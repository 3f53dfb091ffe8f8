import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation, replay } from './simulation';
import type { Action, LoggedAction, RoundMetrics, SimConfig } from './types';

const BASE: SimConfig = { ...DEFAULT_CONFIG, nodes: 400, seed: 11, topology: 'random', degree: 6 };

function run(config: SimConfig, log: readonly LoggedAction[], rounds: number): RoundMetrics[] {
  const sim = new Simulation(config);
  const out: RoundMetrics[] = [];
  let next = 0;
  for (let r = 0; r < rounds; r++) {
    while (next < log.length && log[next].round === sim.round) sim.apply(log[next++].action);
    out.push(sim.step());
  }
  return out;
}

describe('setting actions (fanout, delay, rumor k)', () => {
  it('take effect from the next round: the rounds before are unchanged, the ones after differ', () => {
    const plain = run(BASE, [], 10);
    const changed = run(BASE, [{ round: 3, action: { type: 'setFanout', fanout: 4 } }], 10);
    expect(changed.slice(0, 3)).toEqual(plain.slice(0, 3));
    // Round 4 on: every informed node sends 4 messages instead of 1.
    expect(changed[3].sent).toBeGreaterThan(2 * plain[3].sent);
  });

  it('a fanout set mid-run gives the same rounds as a run built with that fanout when set at round 0', () => {
    const built = run({ ...BASE, fanout: 3 }, [], 8);
    const set = run(BASE, [{ round: 0, action: { type: 'setFanout', fanout: 3 } }], 8);
    expect(set).toEqual(built);
  });

  it('a delay set mid-run delays the messages sent after it; those on their way keep theirs', () => {
    const sim = new Simulation({ ...BASE, delay: { kind: 'fixed', rounds: 3 } });
    sim.step();
    expect(sim.inFlight).toBeGreaterThan(0);
    sim.apply({ type: 'setDelay', delay: { kind: 'fixed', rounds: 1 } });
    const m = sim.step();
    // Nothing new goes in flight; the round-1 messages land in round 3 as they were sent.
    expect(m.inFlight).toBeGreaterThan(0);
    expect(sim.step().inFlight).toBe(0);
    expect(sim.settings.delay).toEqual({ kind: 'fixed', rounds: 1 });
  });

  it('rumor k set mid-run changes when nodes lose interest', () => {
    const rumor: SimConfig = { ...BASE, protocol: 'rumor', k: 1 };
    const plain = run(rumor, [], 12);
    const changed = run(rumor, [{ round: 2, action: { type: 'setRumorK', k: 6 } }], 12);
    expect(changed.slice(0, 2)).toEqual(plain.slice(0, 2));
    expect(changed[6].infective[0]).toBeGreaterThan(plain[6].infective[0]);
  });

  const refused: [string, Action, SimConfig, RegExp][] = [
    ['fanout 0', { type: 'setFanout', fanout: 0 }, BASE, /fanout must be an integer from 1 to 399/],
    ['fanout above nodes − 1', { type: 'setFanout', fanout: 400 }, BASE, /fanout must be an integer from 1 to 399/],
    ['fanout 2.5', { type: 'setFanout', fanout: 2.5 }, BASE, /fanout must be an integer/],
    ['a delay of 0 rounds', { type: 'setDelay', delay: { kind: 'fixed', rounds: 0 } }, BASE, /delay: a fixed delay is an integer from 1/],
    ['a uniform delay backwards', { type: 'setDelay', delay: { kind: 'uniform', min: 4, max: 2 } }, BASE, /delay: a uniform delay needs/],
    ['a delay of no known kind', { type: 'setDelay', delay: { kind: 'normal' } as never }, BASE, /delay: fixed:D, uniform:A:B or exp:MEAN/],
    ['rumor k 0', { type: 'setRumorK', k: 0 }, { ...BASE, protocol: 'rumor' }, /rumor k must be an integer from 1 to 100/],
    ['rumor k on push', { type: 'setRumorK', k: 3 }, BASE, /rumor k applies to rumor mongering only \(this run uses push\)/],
  ];
  for (const [name, action, config, message] of refused) {
    it(`refuses ${name} with a clear message and changes nothing`, () => {
      const sim = new Simulation(config);
      sim.step();
      const before = sim.snapshot();
      expect(() => sim.apply(action)).toThrow(message);
      expect(sim.snapshot()).toEqual(before);
      expect(sim.log).toHaveLength(0);
    });
  }

  it('snapshot and restore bring the settings back: the rounds after a restore repeat exactly', () => {
    const sim = new Simulation({ ...BASE, protocol: 'rumor' });
    sim.step();
    const early = sim.snapshot();
    sim.apply({ type: 'setFanout', fanout: 5 });
    sim.apply({ type: 'setRumorK', k: 4 });
    sim.apply({ type: 'setDelay', delay: { kind: 'uniform', min: 1, max: 3 } });
    sim.step();
    const mid = sim.snapshot();
    const after = [sim.step(), sim.step(), sim.step()];
    sim.restore(early);
    expect(sim.settings).toMatchObject({ fanout: 1, k: 2, delay: { kind: 'fixed', rounds: 1 } });
    sim.restore(mid);
    expect(sim.settings).toMatchObject({ fanout: 5, k: 4, delay: { kind: 'uniform', min: 1, max: 3 } });
    expect([sim.step(), sim.step(), sim.step()]).toEqual(after);
  });

  it('replay, a scheduled timeline and live clicks give the same run', () => {
    const log: LoggedAction[] = [
      { round: 2, action: { type: 'setFanout', fanout: 3 } },
      { round: 4, action: { type: 'setDelay', delay: { kind: 'exp', mean: 2 } } },
      { round: 6, action: { type: 'setFanout', fanout: 1 } },
      { round: 6, action: { type: 'setDelay', delay: { kind: 'fixed', rounds: 1 } } },
    ];
    const live = run(BASE, log, 12);
    const scheduled = new Simulation(BASE, { schedule: log });
    expect(Array.from({ length: 12 }, () => scheduled.step())).toEqual(live);
    const replayed = replay(BASE, log, 12);
    expect(replayed.world.cur).toEqual(scheduled.world.cur);
    expect(replayed.log).toEqual(log);
    expect(scheduled.rejected).toEqual([]);
  });

  it('a larger fanout than the run was built for draws every peer it asks for', () => {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 50, seed: 3 });
    sim.apply({ type: 'setFanout', fanout: 49 });
    sim.step();
    // The origin tells all 49 others in one round.
    expect(sim.world.informed[0]).toBe(50);
  });
});
