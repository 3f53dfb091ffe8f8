import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { SimConfig } from '../engine/types';
import { hostHarness } from './host-harness';
import { transferables, type FromWorker, type SpreadFrame } from './protocol';

const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 40, topology: 'ring', degree: 4, protocol: 'push-pull', seed: 7 };
const options = { recordMessages: true, trackNodeStats: true };

/** A host whose answers cross a structuredClone with their transfers, as between threads. */
const harness = hostHarness;

describe('engine host protocol', () => {
  it('answers init with ready (the graph) and a round-0 frame', () => {
    const { send } = harness();
    const replies = send({ type: 'init', model: 'spread', graphId: 3, config, options });
    expect(replies.map((m) => m.type)).toEqual(['ready', 'frame']);
    const ready = replies[0] as Extract<FromWorker, { type: 'ready' }>;
    expect(ready.graph.graphId).toBe(3);
    expect(ready.graph.nodes).toBe(40);
    expect(ready.graph.offsets).toBeInstanceOf(Uint32Array);
    expect(ready.graph.neighbors!.length).toBe(ready.graph.edges * 2);
    const frame = (replies[1] as { frame: SpreadFrame }).frame;
    expect(frame).toMatchObject({ graphId: 3, cause: 'init', round: 0, keys: 1, messages: null });
    expect(frame.versions[config.origin]).toBe(frame.latest[0]);
    expect(frame.metrics.informed).toEqual([1]);
    expect(frame.metrics.live).toBe(40);
  });

  it('answers each step with exactly one frame of the next round, messages included', () => {
    const { send } = harness();
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    const first = send({ type: 'step', requestId: 1 });
    expect(first.map((m) => m.type)).toEqual(['frame']);
    const f1 = (first[0] as { frame: SpreadFrame }).frame;
    expect(f1.round).toBe(1);
    expect(f1.messages!.count).toBe(f1.metrics.sent);
    expect(f1.messages!.from.length).toBe(f1.messages!.count);
    const f3 = (send({ type: 'step', requestId: 2, count: 2 })[0] as { frame: SpreadFrame }).frame;
    expect(f3.round).toBe(3);
  });

  it('applies a valid action (result + frame) and refuses an invalid one without changing the run', () => {
    const { send } = harness();
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    const ok = send({ type: 'apply', requestId: 5, action: { type: 'crash', node: 2 } });
    expect(ok.map((m) => m.type)).toEqual(['actionResult', 'frame']);
    const f = (ok[1] as { frame: SpreadFrame }).frame;
    expect(f.cause).toBe('action');
    expect(f.alive[2]).toBe(0);
    expect(f.metrics.live).toBe(39);

    const bad = send({ type: 'apply', requestId: 6, action: { type: 'write', node: 2, key: 0 } });
    expect(bad).toEqual([{ type: 'error', requestId: 6, message: expect.stringMatching(/crashed/) }]);
    const after = (send({ type: 'watch', node: null })[0] as { frame: SpreadFrame }).frame;
    expect(after.latest[0]).toBe(f.latest[0]);
    expect(after.round).toBe(0);
  });

  it('reports message counts of the watched node in every frame', () => {
    const { send } = harness();
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    const w = (send({ type: 'watch', node: 4 })[0] as { frame: SpreadFrame }).frame;
    expect(w).toMatchObject({ cause: 'watch', watched: { node: 4, sent: 0, received: 0 } });
    const f = (send({ type: 'step', requestId: 1 })[0] as { frame: SpreadFrame }).frame;
    const m = f.messages!;
    let sent = 0, received = 0;
    for (let i = 0; i < m.count; i++) {
      if (m.from[i] === 4) sent++;
      if (m.to[i] === 4 && m.outcome[i] === 0) received++;
    }
    expect(f.watched).toEqual({ node: 4, sent, received });
  });

  it('refuses an invalid configuration and requests before any run, with a message', () => {
    const { send } = harness();
    expect(send({ type: 'step', requestId: 1 })).toEqual([{ type: 'error', requestId: 1, message: expect.stringMatching(/No run/) }]);
    const bad = send({ type: 'init', model: 'spread', graphId: 1, config: { ...config, fanout: 99 }, options });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ type: 'error', requestId: null, message: expect.stringMatching(/fanout/) });
  });

  it('lists the buffers of frames and graphs as transferables, none for small messages', () => {
    const { send } = harness();
    const [ready, frame] = send({ type: 'init', model: 'spread', graphId: 1, config, options });
    expect(transferables(ready)).toHaveLength(2);
    expect(transferables(frame)).toHaveLength(4);
    const stepped = send({ type: 'step', requestId: 1 })[0] as Extract<FromWorker, { type: 'frame' }>;
    const columns = Object.values(stepped.frame.messages!).filter((v) => ArrayBuffer.isView(v)).length;
    expect(columns).toBeGreaterThanOrEqual(5);
    expect(transferables(stepped)).toHaveLength(4 + columns);
    expect(transferables({ type: 'fatal', message: 'x' })).toEqual([]);
    expect(transferables({ type: 'actionResult', requestId: 1, action: { type: 'heal' }, round: 0 })).toEqual([]);
  });

  it('keeps its own state intact after transferring a frame (it sends copies)', () => {
    const { send } = harness();
    send({ type: 'init', model: 'spread', graphId: 1, config, options });
    for (let r = 1; r <= 30; r++) send({ type: 'step', requestId: r });
    const f = (send({ type: 'watch', node: null })[0] as { frame: SpreadFrame }).frame;
    expect(f.round).toBe(30);
    expect(f.metrics.informed[0]).toBe(40);
  });
});
