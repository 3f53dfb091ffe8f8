import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Simulation } from '../engine/simulation';
import type { LoggedAction, SimConfig } from '../engine/types';
import { hostHarness } from './host-harness';
import type { FromWorker } from './protocol';

const options = { recordMessages: true, trackNodeStats: true };

function harness() {
  const { send, spread: frame } = hostHarness();
  return { send, frame };
}

describe('engine host: rumor, delay, links and the timeline', () => {
  it('sends rumor status per node and key, and says when the epidemic is over', () => {
    const { send, frame } = harness();
    const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 30, topology: 'complete', protocol: 'rumor', interest: 'feedback-counter', k: 1, seed: 2 };
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    let f = frame({ type: 'step', requestId: 1 });
    expect(f.rumor).toBeInstanceOf(Uint8Array);
    expect(f.rumor!.length).toBe(30);
    const infective = Array.from(f.rumor!).filter((s) => s === 1).length;
    expect(f.metrics.infective[0]).toBe(infective);
    for (let r = 2; r < 60 && !f.rumorEnded; r++) f = frame({ type: 'step', requestId: r });
    expect(f.rumorEnded).toBe(true);
    expect(Array.from(f.rumor!).some((s) => s === 1)).toBe(false);
    expect(f.spread[0].reached).toBe(f.metrics.informed[0] - 1);
    expect(f.spread[0].tLast).toBeGreaterThan(0);
  });

  it('sends no rumor status for push, pull and push-pull', () => {
    const { send } = harness();
    const [, msg] = send({ type: 'init', model: 'spread', graphId: 1, config: { ...DEFAULT_CONFIG, nodes: 10 }, options });
    expect((msg as Extract<FromWorker, { type: 'frame' }>).frame).toMatchObject({ rumor: null, rumorEnded: false, links: null, inFlight: null });
  });

  it('lists the messages in flight under delay, with the rounds they were sent and land in', () => {
    const { send, frame } = harness();
    const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 20, topology: 'complete', protocol: 'push', delay: { kind: 'fixed', rounds: 3 }, seed: 4 };
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    frame({ type: 'step', requestId: 1 });
    const f = frame({ type: 'step', requestId: 2 });
    const fl = f.inFlight!;
    expect(fl.count).toBe(f.metrics.inFlight);
    // Only the origin knows anything before round 3: its pushes of rounds 1 and 2 are still on their way.
    expect(fl.count).toBe(2);
    expect(Array.from(fl.from)).toEqual([0, 0]);
    expect(Array.from(fl.sentRound)).toEqual([1, 2]);
    expect(Array.from(fl.deliverRound)).toEqual([3, 4]);
  });

  it('reports both directions between groups, one-way cuts included', () => {
    const { send, frame } = harness();
    send({ type: 'init', model: 'spread', graphId: 1, config: { ...DEFAULT_CONFIG, nodes: 6 }, options });
    frame({ type: 'apply', requestId: 1, action: { type: 'partition', groups: [[0, 1, 2], [3, 4, 5]] } });
    const f = frame({ type: 'apply', requestId: 2, action: { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0.25 } });
    expect(f.links).toEqual([
      { from: 1, to: 2, blocked: true, loss: 0 },
      { from: 2, to: 1, blocked: false, loss: 0.25 },
    ]);
    expect(f.partitioned).toBe(true);
    expect(frame({ type: 'apply', requestId: 3, action: { type: 'heal' } }).links).toBeNull();
  });

  it('runs the timeline in the engine, reporting what it applied and refused', () => {
    const { send, frame } = harness();
    const schedule: LoggedAction[] = [
      { round: 0, action: { type: 'crash', node: 3 } },
      { round: 2, action: { type: 'write', node: 3, key: 0 } },
      { round: 2, action: { type: 'write', node: 4, key: 0 } },
    ];
    const [, init] = send({ type: 'init', model: 'spread', graphId: 1, config: { ...DEFAULT_CONFIG, nodes: 10 }, options, schedule });
    expect((init as Extract<FromWorker, { type: 'frame' }>).frame.applied).toEqual([schedule[0]]);
    expect(frame({ type: 'step', requestId: 1 }).applied).toEqual([]);
    const f = frame({ type: 'step', requestId: 2 });
    expect(f.applied).toEqual([schedule[2]]);
    expect(f.rejected).toEqual([{ round: 2, action: schedule[1].action, reason: expect.stringMatching(/crashed/) }]);
    expect(f.writes.map((w) => w.node)).toEqual([0, 4]);
  });

  it('replays a changed timeline to the current round, exactly as a run built with it', () => {
    const { send, frame } = harness();
    const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 40, topology: 'random', degree: 4, protocol: 'push-pull', seed: 9 };
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    for (let r = 1; r <= 3; r++) frame({ type: 'step', requestId: r });
    const schedule: LoggedAction[] = [{ round: 3, action: { type: 'partition', groups: [[0, 1, 2, 3, 4]] } }, { round: 5, action: { type: 'write', node: 7, key: 0 } }];
    const replayed = frame({ type: 'schedule', requestId: 9, schedule, round: 3 });
    expect(replayed).toMatchObject({ cause: 'schedule', round: 3, partitioned: true });
    let f = replayed;
    for (let r = 4; r <= 6; r++) f = frame({ type: 'step', requestId: r });
    const direct = new Simulation(config, { schedule });
    for (let r = 0; r < 6; r++) direct.step();
    expect(Array.from(f.versions)).toEqual(Array.from(direct.world.cur));
    expect(f.round).toBe(6);
    const tooFar = send({ type: 'schedule', requestId: 10, schedule, round: 1e9 });
    expect(tooFar).toEqual([{ type: 'error', requestId: 10, message: expect.stringMatching(/too long: step back/) }]);
  });
});
