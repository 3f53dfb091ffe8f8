import { describe, expect, it } from 'vitest';
import { VIEW_STATES } from '../engine/membership';
import { frameIn, hostHarness } from './host-harness';
import { transferables, type FromWorker, type MembershipFrame, type ToWorker } from './protocol';

const setup = hostHarness;
const swim = (nodes: number) => ({ protocol: 'swim' as const, nodes, seed: 3, loss: 0 });
const frameOf = (msgs: FromWorker[]): MembershipFrame => frameIn(msgs) as MembershipFrame;

describe('the worker host with a membership run: every request round-trips', () => {
  it('init → ready and a frame of round 0, with round-0 timeline entries applied', () => {
    const { send } = setup();
    const msgs = send({ type: 'init', model: 'membership', graphId: 7, config: swim(20), schedule: [{ round: 0, action: { type: 'crash', node: 4 } }] });
    expect(msgs.map((m) => m.type)).toEqual(['ready', 'frame']);
    const ready = msgs[0] as Extract<FromWorker, { type: 'ready'; model: 'membership' }>;
    expect(ready.config.swim.suspicionMult).toBe(4);
    expect(ready.stateBytes).toBe(20 * 20 * 6);
    const f = frameOf(msgs);
    expect(f).toMatchObject({ graphId: 7, cause: 'init', round: 0, metrics: null, messages: null, partitioned: false });
    expect(f.alive[4]).toBe(0);
    expect(f.wronglyAlive[4]).toBe(19);
    expect(f.applied).toEqual([{ round: 0, action: { type: 'crash', node: 4 } }]);
  });

  it('step → one frame with the round\'s metrics and its messages (only for clusters small enough to animate)', () => {
    const { send } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(30), schedule: [] });
    const f = frameOf(send({ type: 'step', requestId: 1, count: 3 }));
    expect(f.cause).toBe('step');
    expect(f.round).toBe(3);
    expect(f.metrics!.round).toBe(3);
    expect(f.messages!.count).toBe(f.metrics!.sent);
    expect(f.messages!.from).toHaveLength(f.messages!.count);
    send({ type: 'init', model: 'membership', graphId: 2, config: swim(250), schedule: [] });
    const big = frameOf(send({ type: 'step', requestId: 2 }));
    expect(big.messages).toBeNull();
    expect(big.metrics!.sent).toBeGreaterThan(0);
  });

  it('apply → actionResult and a frame; a refused action is an error and changes nothing', () => {
    const { send } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(10), schedule: [] });
    send({ type: 'step', requestId: 1 });
    const ok = send({ type: 'apply', requestId: 2, action: { type: 'partition', groups: [[0, 1, 2]] } });
    expect(ok.map((m) => m.type)).toEqual(['actionResult', 'frame']);
    expect(ok[0]).toEqual({ type: 'actionResult', requestId: 2, action: { type: 'partition', groups: [[0, 1, 2]] }, round: 1 });
    const f = frameOf(ok);
    expect(Array.from(f.group)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.partitioned).toBe(true);
    const bad = send({ type: 'apply', requestId: 3, action: { type: 'crash', node: 99 } });
    expect(bad).toEqual([{ type: 'error', requestId: 3, message: 'node must be an integer from 0 to 9, got 99' }]);
    const write = send({ type: 'apply', requestId: 4, action: { type: 'write', node: 1, key: 0 } });
    expect(write[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/no keys to write/) });
    const healed = frameOf(send({ type: 'apply', requestId: 5, action: { type: 'heal' } }));
    expect(healed.partitioned).toBe(false);
    // A lasso: the nodes become a new group cut off from the rest, as in a spreading run.
    const lassoed = frameOf(send({ type: 'apply', requestId: 7, action: { type: 'isolate', nodes: [4, 5] } }));
    expect(Array.from(lassoed.group)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(lassoed.partitioned).toBe(true);
    expect(send({ type: 'apply', requestId: 8, action: { type: 'isolate', nodes: [] } })[0]).toMatchObject({ type: 'error', message: 'isolate needs a non-empty list of node ids' });
    frameOf(send({ type: 'apply', requestId: 9, action: { type: 'heal' } }));
    expect(frameOf(send({ type: 'apply', requestId: 6, action: { type: 'setLoss', p: 0.25 } })).loss).toBe(0.25);
  });

  it('watch → a frame with the node\'s table and, up to 100 nodes, the matrix', () => {
    const { send } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: { protocol: 'heartbeat', nodes: 12, seed: 1, loss: 0, heartbeat: { phi: true } }, schedule: [] });
    send({ type: 'step', requestId: 1, count: 4 });
    const f = frameOf(send({ type: 'watch', node: 2, matrix: true }));
    expect(f.cause).toBe('watch');
    const t = f.table!;
    expect(t.node).toBe(2);
    expect(VIEW_STATES[t.state[5]]).toBe('alive');
    expect(t.incarnation[5]).toBe(1); // generation
    expect(t.version[5]).toBeGreaterThan(0);
    expect(t.lastAdvanced[5]).toBeGreaterThan(0);
    expect(Number.isFinite(t.phi[5])).toBe(true);
    expect(f.matrix!.nodes).toBe(12);
    expect(f.matrix!.state).toHaveLength(144);
    expect(f.matrix!.b[2 * 12 + 5]).toBe(t.version[5]);
    // Frames keep the watch until it changes; an invalid node shows no table.
    expect(frameOf(send({ type: 'step', requestId: 2 })).table!.node).toBe(2);
    expect(frameOf(send({ type: 'watch', node: 40, matrix: false })).table).toBeNull();
    send({ type: 'init', model: 'membership', graphId: 2, config: swim(101), schedule: [] });
    expect(frameOf(send({ type: 'watch', node: 0, matrix: true })).matrix).toBeNull();
  });

  it('compare → one series per variant (split brain: off stays split, Serf reconnect merges)', () => {
    const { send } = setup();
    const halves = [[...Array(10).keys()], [...Array(10).keys()].map((i) => i + 10)];
    const msgs = send({
      type: 'compare', requestId: 9, config: swim(20), rounds: 90,
      schedule: [{ round: 2, action: { type: 'partition', groups: halves } }, { round: 50, action: { type: 'heal' } }],
      variants: [{ label: 'off', swim: { reconnectInterval: 0 } }, { label: 'on', swim: { reconnectInterval: 10 } }],
    });
    expect(msgs).toHaveLength(1);
    const c = msgs[0] as Extract<FromWorker, { type: 'comparison' }>;
    expect(c.type).toBe('comparison');
    expect(c.series.map((s) => s.label)).toEqual(['off', 'on']);
    expect(c.series[0].wronglyDead).toHaveLength(90);
    expect(c.series[0].wronglyDead[89]).toBe(200);
    expect(c.series[1].wronglyDead[89]).toBe(0);
    const bad = send({ type: 'compare', requestId: 10, config: swim(20), rounds: 0, schedule: [], variants: [] });
    expect(bad[0]).toMatchObject({ type: 'error', requestId: 10 });
  });

  it('refuses bad requests with a message and keeps the run', () => {
    const { send } = setup();
    expect(send({ type: 'step', requestId: 1 })[0]).toMatchObject({ type: 'error', message: 'No run yet: build one first.' });
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(10), schedule: [] });
    send({ type: 'step', requestId: 2 });
    const bad = send({ type: 'init', model: 'membership', graphId: 2, config: { ...swim(10), nodes: 20_000 }, schedule: [] });
    expect(bad[0]).toMatchObject({ type: 'error', requestId: null, message: expect.stringMatching(/nodes: an integer from 2 to 10,000/) });
    const f = frameOf(send({ type: 'step', requestId: 4 }));
    expect(f).toMatchObject({ graphId: 1, round: 2 });
    expect(send({ type: 'explode' } as unknown as ToWorker)[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/Unknown request/) });
  });

  it('reports timeline entries the run refuses, and goes on', () => {
    const { send } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(10), schedule: [{ round: 1, action: { type: 'crash', node: 50 } }, { round: 1, action: { type: 'crash', node: 3 } }] });
    const f = frameOf(send({ type: 'step', requestId: 1 }));
    expect(f.rejected).toEqual([{ round: 1, action: { type: 'crash', node: 50 }, reason: 'node must be an integer from 0 to 9, got 50' }]);
    expect(f.applied).toEqual([{ round: 1, action: { type: 'crash', node: 3 } }]);
    expect(f.alive[3]).toBe(0);
    expect(frameOf(send({ type: 'step', requestId: 2 })).rejected).toEqual([]);
  });
});

describe('time travel in a membership run', () => {
  it('a seek shows an earlier round exactly as it was; a fork carries on from it as the straight run did', () => {
    const { send, membership } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(20), schedule: [{ round: 3, action: { type: 'crash', node: 5 } }] });
    const straight = Array.from({ length: 12 }, (_, i) => membership({ type: 'step', requestId: i + 1 }));
    const same = (a: MembershipFrame, b: MembershipFrame) => {
      expect(a.round).toBe(b.round);
      expect(Array.from(a.alive)).toEqual(Array.from(b.alive));
      expect(Array.from(a.wronglyDead)).toEqual(Array.from(b.wronglyDead));
      expect(Array.from(a.suspected)).toEqual(Array.from(b.suspected));
      expect(a.summary).toEqual(b.summary);
      expect(a.metrics).toEqual(b.metrics);
    };
    const back = membership({ type: 'seek', requestId: 50, round: 6 });
    expect(back.last).toBe(12);
    same(back, straight[5]);
    // Stepping from an earlier round moves through the rounds already run.
    same(membership({ type: 'step', requestId: 51 }), straight[6]);
    membership({ type: 'seek', requestId: 52, round: 6 });
    const forked = membership({ type: 'fork', requestId: 53, future: [] });
    expect(forked.last).toBe(6);
    same(membership({ type: 'step', requestId: 54, count: 3 }), straight[8]);
  });

  it('a multi-round step carries the metrics of the rounds it skipped', () => {
    const { send, membership } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(10), schedule: [] });
    const f = membership({ type: 'step', requestId: 1, count: 5 });
    expect(f.between.map((m) => m.round)).toEqual([1, 2, 3, 4]);
    expect(f.metrics!.round).toBe(5);
  });
});

describe('transferables of a membership frame', () => {
  it('lists no buffer for messages without arrays, and each frame buffer once', () => {
    expect(transferables({ type: 'error', requestId: 1, message: 'x' })).toEqual([]);
    expect(transferables({ type: 'fatal', message: 'x' })).toEqual([]);
    const { send } = setup();
    send({ type: 'init', model: 'membership', graphId: 1, config: swim(10), schedule: [] });
    send({ type: 'watch', node: 1, matrix: true });
    const f = frameOf(send({ type: 'step', requestId: 1 }));
    const list = transferables({ type: 'frame', frame: f });
    expect(new Set(list).size).toBe(list.length);
    // alive, group, 3 counts, 5 message columns, 5 table columns, 3 matrix columns
    expect(list).toHaveLength(18);
  });
});
