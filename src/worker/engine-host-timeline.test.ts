import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { Action, LoggedAction, SimConfig } from '../engine/types';
import { hostHarness } from './host-harness';
import type { SpreadFrame } from './protocol';

const options = { recordMessages: true, trackNodeStats: true };
const config: SimConfig = {
  ...DEFAULT_CONFIG, nodes: 120, protocol: 'push-pull', topology: 'random', degree: 5, loss: 0.1, seed: 11,
  delay: { kind: 'uniform', min: 1, max: 3 }, crashRate: 0.01, recoverRate: 0.2,
};
/** Planned (the scenario) and done live, by round. */
const planned: LoggedAction[] = [{ round: 5, action: { type: 'setLoss', p: 0.3 } }, { round: 70, action: { type: 'heal' } }];
const live: Record<number, Action[]> = {
  3: [{ type: 'partition', groups: [Array.from({ length: 60 }, (_, i) => i)] }],
  9: [{ type: 'write', node: 100, key: 0 }],
  33: [{ type: 'heal' }],
  41: [{ type: 'write', node: 7, key: 0 }],
};

function harness() {
  const { send, spread: frame } = hostHarness();
  let id = 0;
  const step = (count = 1) => frame({ type: 'step', requestId: ++id, count });
  const seek = (round: number) => frame({ type: 'seek', requestId: ++id, round });
  const apply = (action: Action, future?: LoggedAction[]) => frame({ type: 'apply', requestId: ++id, action, future });
  return { send, frame, step, seek, apply };
}

/** What a page compares: every node's versions, liveness and group, and the round. */
function hash(f: SpreadFrame): string {
  let h = 0x811c9dc5;
  for (const a of [new Uint8Array(f.versions.buffer), f.alive, f.group]) for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 0x01000193);
  return `${f.round}:${(h >>> 0).toString(16)}:${f.metrics.informed.join('/')}:${f.writes.map((w) => `${w.node}@${w.round}=${w.holders}/${w.reached}`).join(',')}:${f.spread.map((s) => `${s.reached},${s.tAve},${s.traffic}`).join(',')}`;
}

/** A straight run (no time travel), with the hash of every round 0…rounds. */
function straight(rounds: number): string[] {
  const h = harness();
  const out: string[] = [];
  let f = h.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: planned });
  for (;;) {
    for (const a of live[f.round] ?? []) f = h.apply(a);
    out.push(hash(f));
    if (f.round >= rounds) return out;
    f = h.step();
  }
}

describe('engine host: time travel', () => {
  const rounds = 80;
  const reference = straight(rounds);

  it('seeking any round, forward and back, shows exactly what the straight run showed', () => {
    const h = harness();
    let f = h.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: planned });
    while (f.round < rounds) {
      for (const a of live[f.round] ?? []) h.apply(a);
      f = h.step();
    }
    for (const a of live[rounds] ?? []) h.apply(a);
    for (const r of [0, 80, 1, 79, 31, 32, 33, 3, 9, 64, 63, 65, 5, 41, 40, 70, 12]) {
      const s = h.seek(r);
      expect(s.last).toBe(rounds);
      expect(hash(s), `round ${r}`).toBe(reference[r]);
    }
    for (let r = rounds; r >= 0; r -= 3) expect(hash(h.seek(r)), `round ${r}`).toBe(reference[r]);
    // Steps from an earlier round move through the rounds already run, then compute new ones.
    h.seek(77);
    expect(hash(h.step())).toBe(reference[78]);
    expect(hash(h.step(2))).toBe(reference[80]);
    const next = h.step();
    expect(next.round).toBe(81);
    expect(next.last).toBe(81);
  });

  it('a seek frame carries the round\'s metrics and messages but no news of planned actions', () => {
    const h = harness();
    h.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: planned });
    const at: SpreadFrame[] = [];
    for (let r = 1; r <= 12; r++) at[r] = h.step();
    const s = h.seek(6);
    expect(s.cause).toBe('seek');
    expect(s.applied).toEqual([]);
    expect(s.rejected).toEqual([]);
    expect(s.metrics.sent).toBe(at[6].metrics.sent);
    expect(s.metrics.delivered).toBe(at[6].metrics.delivered);
    expect(s.messages?.count).toBe(at[6].messages?.count);
    // The step that first ran round 5 reported its planned action; replaying it does not.
    expect(at[5].applied).toEqual([planned[0]]);
    h.seek(4);
    expect(h.step().applied).toEqual([]);
  });

  it('refuses a seek past the newest round and changes nothing', () => {
    const h = harness();
    h.frame({ type: 'init', model: 'spread', graphId: 1, config, options });
    const f = h.step(4);
    const msgs = h.send({ type: 'seek', requestId: 99, round: 10 });
    expect(msgs).toEqual([{ type: 'error', requestId: 99, message: expect.stringMatching(/round 0 to 4/) }]);
    expect(hash(h.frame({ type: 'watch', node: null }))).toBe(hash(f));
  });

  it('fork then continue equals a fresh run with the same actions', () => {
    const h = harness();
    let f = h.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: planned });
    while (f.round < 50) {
      for (const a of live[f.round] ?? []) h.apply(a);
      f = h.step();
    }
    h.seek(20);
    // Continue from round 20: the heal done live at 33 and the write at 41 are gone; the planned heal at 70 stays.
    const forked = h.frame({ type: 'fork', requestId: 500, future: planned.filter((e) => e.round > 20) });
    expect(forked).toMatchObject({ cause: 'fork', round: 20, last: 20 });
    expect(hash(forked)).toBe(reference[20]);
    const crash: Action = { type: 'crash', node: 3 };
    h.step(5);
    h.apply(crash);
    f = h.step(50);

    const fresh = harness();
    const actions: LoggedAction[] = [
      { round: 3, action: live[3][0] }, { round: 5, action: planned[0].action }, { round: 9, action: live[9][0] },
      { round: 25, action: crash }, { round: 70, action: planned[1].action },
    ];
    fresh.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: actions });
    const g = fresh.step(75);
    expect(g.round).toBe(75);
    expect(hash(f)).toBe(hash(g));
  });

  it('an action at an earlier round forks there, and the given future replaces the planned one', () => {
    const h = harness();
    h.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: planned });
    h.step(60);
    h.seek(10);
    const f = h.apply({ type: 'write', node: 50, key: 0 }, []);
    expect(f).toMatchObject({ cause: 'action', round: 10, last: 10 });
    // No future given to it: the planned heal at 70 is gone, so the network stays whole and no action runs there.
    const at70 = h.step(60);
    expect(at70.round).toBe(70);
    expect(at70.applied).toEqual([]);

    const fresh = harness();
    fresh.frame({ type: 'init', model: 'spread', graphId: 1, config, options, schedule: [planned[0], { round: 10, action: { type: 'write', node: 50, key: 0 } }] });
    expect(hash(fresh.step(70))).toBe(hash(at70));
  });

  it('a refused action at an earlier round neither forks nor moves', () => {
    const h = harness();
    h.frame({ type: 'init', model: 'spread', graphId: 1, config, options });
    h.step(30);
    h.seek(10);
    const msgs = h.send({ type: 'apply', requestId: 7, action: { type: 'crash', node: 5000 } });
    expect(msgs.map((m) => m.type)).toEqual(['error']);
    expect(h.seek(30).last).toBe(30);
  });
});
