import { describe, expect, it } from 'vitest';
import { membershipHalves } from '../../presets/membership/catalog';
import { createEngineHost } from '../../worker/engine-host';
import type { FromWorker, MembershipFrame } from '../../worker/protocol';
import { describeGraph, describeNode } from './graph-text';
import { CIRCLE_MAX, hitNode, membershipLayout, place } from './graph-layout';
import { cellAt, describeCell, matrixGeometry } from './matrix-draw';
import { MESSAGE_STYLES, wrongBucket } from './membership-style';

function frameAfter(protocol: 'swim' | 'heartbeat', rounds: number, crash: number): MembershipFrame {
  let last: MembershipFrame | null = null;
  const host = createEngineHost((m: FromWorker) => {
    if (m.type === 'frame' && m.frame.model === 'membership') last = m.frame;
  });
  host.handle({ type: 'init', model: 'membership', graphId: 1, config: { protocol, nodes: 12, seed: 2, loss: 0 }, schedule: [{ round: 1, action: { type: 'crash', node: crash } }] });
  host.handle({ type: 'watch', node: 0, matrix: true });
  host.handle({ type: 'step', requestId: 1, count: rounds });
  return last!;
}

describe('layout', () => {
  it.each([40, 41, CIRCLE_MAX + 1, 2000])('puts the first half (by id) on the left and the second on the right (n = %i)', (n) => {
    const l = membershipLayout(n);
    expect(l.circle).toBe(n <= CIRCLE_MAX);
    const [left, right] = membershipHalves(n);
    const share = (ids: number[], side: (x: number) => boolean) => ids.filter((i) => side(l.x[i])).length / ids.length;
    expect(share(left, (x) => x <= 0.02)).toBeGreaterThan(0.97);
    expect(share(right, (x) => x >= -0.02)).toBeGreaterThan(0.97);
    for (let i = 0; i < n; i++) expect(Math.hypot(l.x[i], l.y[i])).toBeLessThanOrEqual(1.0001);
  });

  it('hits the node under the pointer and nothing in empty space', () => {
    const l = membershipLayout(20);
    const p = place(l, 400, 400, true);
    const x = p.cx + l.x[7] * p.r, y = p.cy + l.y[7] * p.r;
    expect(hitNode(l, p, x + 1, y - 1)).toBe(7);
    expect(hitNode(l, p, p.cx, p.cy)).toBeNull();
  });
});

describe('colour buckets and styles', () => {
  it('buckets the share of wrong observers: none, ≤ 10 %, ≤ 50 %, more', () => {
    expect([0, 1, 10, 11, 50, 51, 99].map((w) => wrongBucket(w, 99 + (w === 99 ? 0 : 1)))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(wrongBucket(3, 0)).toBe(0);
  });

  it('gives each SWIM and heartbeat message kind a distinct look (dash or head), not colour alone', () => {
    const look = (i: number) => `${MESSAGE_STYLES[i].dash.join(',')}|${MESSAGE_STYLES[i].head}|${MESSAGE_STYLES[i].width}`;
    const swim = [0, 1, 2, 3, 6, 7].map(look);
    const heartbeat = [9, 10, 11, 12].map(look);
    expect(new Set(swim).size).toBe(swim.length);
    expect(new Set(heartbeat).size).toBe(heartbeat.length);
  });
});

describe('words for the graph and the matrix', () => {
  it('describes a crashed node and the cluster while the crash is being noticed', () => {
    const f = frameAfter('swim', 2, 5);
    expect(describeNode(f, 5)).toMatch(/^Node 5 · crashed · \d+ live nodes still hold it alive or suspect/);
    expect(describeNode(f, 0)).toBe('Node 0 · up · nobody holds it dead');
    expect(describeGraph(f)).toMatch(/^12 nodes, 1 crashed node\. 0 live nodes wrongly held dead by someone; 1 crashed node still held alive by someone/);
  });

  it('reads a matrix cell as the issue words it, for both protocols', () => {
    const swim = frameAfter('swim', 20, 5);
    expect(describeCell(swim.matrix!, 'swim', 3, 7)).toBe('node 3 believes node 7 is alive (incarnation 0)');
    expect(describeCell(swim.matrix!, 'swim', 3, 3)).toBe('node 3 is itself');
    expect(describeCell(swim.matrix!, 'swim', 3, 5)).toMatch(/^node 3 believes node 5 is (dead \(incarnation 0\)|unknown \(forgotten\))$/);
    const hb = frameAfter('heartbeat', 6, 5);
    expect(describeCell(hb.matrix!, 'heartbeat', 2, 4)).toMatch(/^node 2 believes node 4 is alive \(heartbeat generation 1, version \d+\)$/);
  });

  it('maps pixels to (observer, subject) cells', () => {
    const g = matrixGeometry(10, 400, 300);
    expect(cellAt(g, g.x0 + g.cell * 3 + 1, g.y0 + g.cell * 7 + 1)).toEqual([7, 3]);
    expect(cellAt(g, g.x0 - 2, g.y0 + 1)).toBeNull();
  });
});
