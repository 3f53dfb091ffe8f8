import { describe, expect, it } from 'vitest';
import type { NodeFrame } from './frame-source';
import { createFrameSource } from './live-frame-source';

const graph = (id: number, nodes = 4) => ({ id, nodes, topology: 'complete' as const, offsets: null, neighbors: null });
const frame = (graphId: number, round = 0): NodeFrame => ({
  graphId, round, keys: 1, versions: new Uint32Array(4), latest: new Uint32Array(1), alive: new Uint8Array(4).fill(1),
  group: new Uint8Array(4), messages: null,
  metrics: {
    round, live: 4, sent: 0, delivered: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0, redundant: 0, traffic: 0,
    informed: [0], newlyInformed: [0], inFlight: 0, infective: [0], removed: [0], crashes: 0, recoveries: 0, busiestSent: null, busiestSentTotal: null,
  },
});

describe('createFrameSource', () => {
  it('notifies subscribers on each change and not on a repeated value', () => {
    const src = createFrameSource();
    let calls = 0;
    const off = src.subscribe(() => calls++);
    src.setGraph(graph(1));
    src.setFrame(frame(1));
    src.setSelected(2);
    src.setSelected(2);
    src.setShownKey(0);
    src.setRoundDurationMs(100);
    expect(calls).toBe(4);
    expect(src.selected()).toBe(2);
    expect(src.roundDurationMs()).toBe(100);
    off();
    src.setSelected(3);
    expect(calls).toBe(4);
  });

  it('never pairs a frame with another graph', () => {
    const src = createFrameSource();
    src.setGraph(graph(1));
    src.setFrame(frame(1));
    src.setFrame(frame(7, 3)); // stale or foreign: ignored
    expect(src.frame()!.graphId).toBe(1);
    src.setGraph(graph(2, 2));
    expect(src.frame()).toBeNull();
  });

  it('drops a selection the new graph does not have', () => {
    const src = createFrameSource();
    src.setGraph(graph(1, 10));
    src.setSelected(8);
    src.setGraph(graph(2, 5));
    expect(src.selected()).toBeNull();
  });
});
