import { describe, expect, it } from 'vitest';
import { OUTCOME_DEAD, OUTCOME_DELIVERED, OUTCOME_LOST, type MessageBatch, type RoundMetrics } from '../engine/types';
import { emptyFlights, hasLongFlights, nextFlights } from './flights';
import type { NodeFrame } from '../view/frame-source';
import { messagePose, type MessagePose } from './message-anim';
import { computeKnowsAny, computeNodeStates, countStates, KNOWS_LATEST, KNOWS_NOTHING, KNOWS_OLDER } from './node-state';
import { describeGraph } from './summary';
import { fitTransform, toScreen, toWorld, zoomAt } from './view-transform';

function frame(versions: number[], keys: number, latest: number[], alive?: number[], group?: number[]): NodeFrame {
  const n = versions.length / keys;
  return {
    graphId: 1,
    round: 4,
    keys,
    versions: Uint32Array.from(versions),
    latest: Uint32Array.from(latest),
    alive: Uint8Array.from(alive ?? Array(n).fill(1)),
    group: Uint8Array.from(group ?? Array(n).fill(0)),
    messages: null,
    metrics: {} as RoundMetrics,
  };
}

describe('node states', () => {
  it('maps versions to newest / older / nothing for the shown key', () => {
    // Two keys; key 1's newest is 9.
    const f = frame([5, 0, 5, 9, 0, 3], 2, [5, 9]);
    expect(Array.from(computeNodeStates(f, 0, new Uint8Array(3)))).toEqual([KNOWS_LATEST, KNOWS_LATEST, KNOWS_NOTHING]);
    expect(Array.from(computeNodeStates(f, 1, new Uint8Array(3)))).toEqual([KNOWS_NOTHING, KNOWS_LATEST, KNOWS_OLDER]);
    expect(Array.from(computeNodeStates(f, 7, new Uint8Array(3)))).toEqual([0, 0, 0]);
    expect(Array.from(computeKnowsAny(f, new Uint8Array(3)))).toEqual([1, 1, 1]);
    expect(Array.from(computeKnowsAny(frame([0, 0, 4], 1, [4]), new Uint8Array(3)))).toEqual([0, 0, 1]);
  });
  it('counts crashed nodes apart from what they know', () => {
    expect(countStates(Uint8Array.from([2, 2, 1, 0]), Uint8Array.from([1, 0, 1, 1]))).toEqual({ latest: 1, older: 1, none: 1, crashed: 1 });
  });
});

describe('message poses', () => {
  const pose = (): MessagePose => ({ visible: false, t: 0, alpha: 0, broken: false });
  it('flies a push across the whole round and lands', () => {
    expect(messagePose(0, OUTCOME_DELIVERED, 0.5, 1, pose())).toMatchObject({ visible: true, t: 0.5, broken: false });
    expect(messagePose(0, OUTCOME_DELIVERED, 1, 1, pose()).visible).toBe(false);
  });
  it('flies requests in the first half and replies in the second', () => {
    expect(messagePose(1, OUTCOME_DELIVERED, 0.25, 1, pose()).t).toBeCloseTo(0.5);
    expect(messagePose(2, OUTCOME_DELIVERED, 0.25, 1, pose()).visible).toBe(false);
    expect(messagePose(2, OUTCOME_DELIVERED, 0.75, 1, pose()).t).toBeCloseTo(0.5);
  });
  it('stops a dropped message half way, breaks it, and fades it out', () => {
    expect(messagePose(0, OUTCOME_LOST, 0.3, 1, pose())).toMatchObject({ t: 0.3, broken: false });
    expect(messagePose(0, OUTCOME_LOST, 0.55, 1, pose())).toMatchObject({ t: 0.5, broken: true, alpha: 1 });
    const late = messagePose(0, OUTCOME_LOST, 0.9, 1, pose());
    expect(late.t).toBe(0.5);
    expect(late.alpha).toBeGreaterThan(0);
    expect(late.alpha).toBeLessThan(0.5);
  });
  it('flies a delayed message across rounds and stops a dead-on-arrival one short of its receiver', () => {
    expect(messagePose(1, OUTCOME_DELIVERED, 0.4, 3, pose())).toMatchObject({ visible: true, t: 0.4 });
    const dead = messagePose(0, OUTCOME_LOST, 0.95, 3, pose());
    expect(dead.broken).toBe(true);
    expect(dead.t).toBeCloseTo(1 - 0.5 / 3);
  });
});

describe('flights', () => {
  const batch = (rows: [number, number, number, number, number, number][]): MessageBatch => ({
    count: rows.length,
    from: Uint32Array.from(rows.map((r) => r[0])),
    to: Uint32Array.from(rows.map((r) => r[1])),
    kind: new Uint8Array(rows.length),
    outcome: Uint8Array.from(rows.map((r) => r[2])),
    useful: Uint8Array.from(rows.map((r) => r[3])),
    sentRound: Uint32Array.from(rows.map((r) => r[4])),
    deliverRound: Uint32Array.from(rows.map((r) => r[5])),
  });
  const knew = Uint8Array.from([1, 0, 1, 1]);
  it('keeps delayed messages flying across frames until they land', () => {
    // Round 5: 0→1 lands now; 2→3 arrives in round 7.
    const f5 = nextFlights(emptyFlights(4), batch([[0, 1, OUTCOME_DELIVERED, 1, 5, 5], [2, 3, OUTCOME_DELIVERED, 0, 5, 7]]), 5, knew);
    expect(f5.count).toBe(2);
    expect(Array.from(f5.len)).toEqual([1, 3]);
    expect(hasLongFlights(f5)).toBe(true);
    const f6 = nextFlights(f5, batch([]), 6, knew);
    expect(f6.count).toBe(1);
    expect([f6.from[0], f6.t0[0], f6.len[0]]).toEqual([2, -1, 3]);
    expect(nextFlights(f6, batch([]), 7, knew).count).toBe(1);
    expect(nextFlights(nextFlights(f6, batch([]), 7, knew), batch([]), 8, knew).count).toBe(0);
  });
  it('replaces a carried message by its dead-on-arrival record, and marks payload by the sender', () => {
    const f5 = nextFlights(emptyFlights(4), batch([[1, 3, OUTCOME_DELIVERED, 0, 5, 6]]), 5, knew);
    expect(f5.payload[0]).toBe(0);
    const f6 = nextFlights(f5, batch([[1, 3, OUTCOME_DEAD, 0, 5, 6]]), 6, knew);
    expect(f6.count).toBe(1);
    expect(f6.outcome[0]).toBe(OUTCOME_DEAD);
  });
});

describe('view transform', () => {
  it('fits bounds inside the viewport with a margin, centred', () => {
    const t = fitTransform({ minX: -50, minY: 0, maxX: 150, maxY: 100 }, 500, 300, 20);
    const [x0, y0] = toScreen(t, -50, 0), [x1, y1] = toScreen(t, 150, 100);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(19.99);
    expect(x1).toBeLessThanOrEqual(480.01);
    expect(y1).toBeLessThanOrEqual(280.01);
    expect((x0 + x1) / 2).toBeCloseTo(250);
    expect((y0 + y1) / 2).toBeCloseTo(150);
  });
  it('zooms about the pointer and clamps the zoom range', () => {
    const t = { k: 2, x: 10, y: -5 };
    const before = toWorld(t, 120, 80);
    const z = zoomAt(t, 1.5, 120, 80, 2);
    expect(z.k).toBe(3);
    expect(toWorld(z, 120, 80)[0]).toBeCloseTo(before[0]);
    expect(toWorld(z, 120, 80)[1]).toBeCloseTo(before[1]);
    expect(zoomAt(t, 1e-6, 0, 0, 2).k).toBeCloseTo(0.5);
    expect(zoomAt(t, 1e6, 0, 0, 2).k).toBeCloseTo(80);
  });
});

describe('summary', () => {
  it('states round, knowledge, crashes, partition and selection', () => {
    const f = frame([1, 1, 0, 1], 1, [1], [1, 1, 1, 0], [1, 1, 2, 2]);
    const graph = { id: 1, nodes: 4, topology: 'ring' as const, offsets: null, neighbors: null };
    const states = computeNodeStates(f, 0, new Uint8Array(4));
    expect(describeGraph(graph, f, states, 0, 2)).toBe(
      'Round 4. 4 nodes, ring topology. 2 of 3 live nodes know the newest version of key 0. 1 crashed. partitioned into 2 groups. node 2 selected.',
    );
    expect(describeGraph(null, null, states, 0, null)).toBe('No graph yet.');
  });
});
