import { describe, expect, it } from 'vitest';
import { membershipFrameAfter } from '../worker/membership-test-frames';
import { OUTCOME_DELIVERED, OUTCOME_LOST } from '../engine/types';
import { membershipHalves } from '../presets/membership/catalog';
import { initialLayout } from '../render/initial-layout';
import type { MembershipFrame } from '../worker/protocol';
import { CIRCLE_MAX, membershipGraphSpec, membershipMessages, membershipNodeFrame } from './membership-view';
import { MEMBERSHIP_LOOKS, MESSAGE_STYLES, RING_SUSPECT, WRONG_COLORS } from '../view/membership-style';

/** A hand-made frame: every field the adapter reads, nothing else that matters. */
function frame(over: Partial<MembershipFrame>): MembershipFrame {
  const n = over.alive?.length ?? 4;
  return {
    model: 'membership', graphId: 3, cause: 'step', round: 7, last: 7, between: [], alive: new Uint8Array(n).fill(1), group: new Uint8Array(n),
    wronglyDead: new Uint32Array(n), wronglyAlive: new Uint32Array(n), suspected: new Uint32Array(n),
    metrics: null, summary: null as never, messages: null, loss: 0, partitioned: false, table: null, matrix: null, applied: [], rejected: [],
    ...over,
  };
}

describe('membershipGraphSpec', () => {
  it('draws no links: a circle up to CIRCLE_MAX nodes, a disc above', () => {
    expect(membershipGraphSpec(4, 50)).toEqual({ id: 4, nodes: 50, topology: 'ring', offsets: null, neighbors: null, nodeScale: 1.5, labelsOutward: true, idsByAngle: true });
    expect(membershipGraphSpec(4, CIRCLE_MAX + 1).topology).toBe('complete');
  });

  it.each([40, 41, CIRCLE_MAX, CIRCLE_MAX + 1, 2000])('puts the halves the page splits by id on either side of the drawing (n = %i)', (n) => {
    const g = membershipGraphSpec(1, n);
    const pos = initialLayout(g.topology, n, null, null, g.idsByAngle);
    const [first, second] = membershipHalves(n);
    // All on their side up to rounding at the top and bottom of the drawing.
    const share = (ids: number[], side: (x: number) => boolean) => ids.filter((i) => side(pos.x[i])).length / ids.length;
    expect(share(first, (x) => x >= -1)).toBeGreaterThan(0.99);
    expect(share(second, (x) => x <= 1)).toBeGreaterThan(0.99);
  });
});

describe('membershipNodeFrame', () => {
  it('buckets live nodes by the share of other live nodes holding them dead', () => {
    // 11 live nodes: 10 observers each. 1 of 10 → ≤ 10 %, 5 → ≤ 50 %, 6 → more.
    const alive = new Uint8Array(12).fill(1);
    alive[11] = 0;
    const wronglyDead = Uint32Array.from([0, 1, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0]);
    const f = membershipNodeFrame(frame({ alive, wronglyDead }), 3);
    expect(Array.from(f.style!.fill.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    expect(f.graphId).toBe(3);
    expect(f.round).toBe(7);
    expect(f.alive).toBe(alive);
    expect(f.looks).toBe(MEMBERSHIP_LOOKS);
  });

  it('colours a crashed node by the share of live nodes still holding it alive, and rings suspects', () => {
    const alive = Uint8Array.from([1, 1, 1, 1, 0]);
    const f = membershipNodeFrame(frame({ alive, wronglyAlive: Uint32Array.from([0, 0, 0, 0, 3]), suspected: Uint32Array.from([0, 2, 0, 0, 1]) }), 1);
    expect(f.style!.fill[4]).toBe(3);
    expect(Array.from(f.style!.ring)).toEqual([0, RING_SUSPECT, 0, 0, RING_SUSPECT]);
    expect(f.summary).toBe('Round 7. 5 nodes, 1 crashed node. 0 live nodes wrongly held dead by someone; 1 crashed node still held alive by someone; 1 live node suspected.');
  });

  it('adapts a real SWIM frame while a crash is being noticed', () => {
    const f = membershipNodeFrame(membershipFrameAfter('swim', 2, 5), 1);
    expect(f.alive[5]).toBe(0);
    expect(f.style!.fill[5]).toBeGreaterThan(0);
    expect(f.summary).toMatch(/^Round 2\. 12 nodes, 1 crashed node\. 0 live nodes wrongly held dead by someone; 1 crashed node still held alive by someone/);
    expect(f.messages!.count).toBeGreaterThan(0);
  });

  it('passes no messages when the frame has none (large clusters)', () => {
    expect(membershipNodeFrame(frame({}), 1).messages).toBeNull();
  });
});

describe('membershipMessages', () => {
  it('keeps kinds and outcomes, lands every message in its round, flags a carried payload', () => {
    const m = membershipMessages({
      count: 2, from: Uint32Array.from([0, 1]), to: Uint32Array.from([1, 2]), kind: Uint8Array.from([0, 6]),
      outcome: Uint8Array.from([OUTCOME_DELIVERED, OUTCOME_LOST]), updates: Uint32Array.from([3, 0]),
    }, 9);
    expect(Array.from(m.kind)).toEqual([0, 6]);
    expect(Array.from(m.outcome)).toEqual([OUTCOME_DELIVERED, OUTCOME_LOST]);
    expect(Array.from(m.useful)).toEqual([1, 0]);
    expect(Array.from(m.sentRound)).toEqual([9, 9]);
    expect(Array.from(m.deliverRound)).toEqual([9, 9]);
  });
});

describe('MEMBERSHIP_LOOKS', () => {
  it('has a look per message kind, in the legend\'s colours and phases', () => {
    expect(MEMBERSHIP_LOOKS.messages).toHaveLength(MESSAGE_STYLES.length);
    MEMBERSHIP_LOOKS.messages.forEach((k, i) => {
      expect(k.color).toBe(MESSAGE_STYLES[i].color);
      expect(k.shape).toBe(MESSAGE_STYLES[i].head);
      expect(k.phase).toEqual(MESSAGE_STYLES[i].phase);
    });
  });

  it('fills live nodes with the legend\'s bucket colours and keeps crashed-and-known in ink, per theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const look = MEMBERSHIP_LOOKS.nodes[theme];
      expect(look.fill).toEqual(WRONG_COLORS);
      expect(look.crashed[0]).toBe(look.outline);
      expect(look.crashed.slice(1)).toEqual(WRONG_COLORS.slice(1));
    }
  });
});
