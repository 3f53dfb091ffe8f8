import { describe, expect, it } from 'vitest';
import { angularSectors, boundsOf, medianSplit, paddedHull, pointInPolygon, splitByLine, type Positions } from './geometry';
import { nearestNode } from './hit-test';
import { circle } from './initial-layout';

function positions(pts: [number, number][]): Positions {
  return { n: pts.length, x: Float32Array.from(pts.map((p) => p[0])), y: Float32Array.from(pts.map((p) => p[1])) };
}

describe('splitByLine', () => {
  const pos = positions([[0, 0], [10, 0], [0, 10], [10, 10]]);
  it('puts each node on the side given by the cross product', () => {
    // A vertical line at x = 5 drawn downward: x < 5 gives a positive cross product.
    expect(splitByLine(pos, 5, -100, 5, 100)).toEqual([[0, 2], [1, 3]]);
    // The same line drawn upward swaps the sides, not the partition.
    expect(splitByLine(pos, 5, 100, 5, -100)).toEqual([[1, 3], [0, 2]]);
    expect(splitByLine(pos, -1, 5, 11, 5)).toEqual([[2, 3], [0, 1]]);
  });
  it('cuts along the infinite line, not only the drawn segment', () => {
    expect(splitByLine(pos, 5, 4, 5, 6)).toEqual([[0, 2], [1, 3]]);
  });
  it('refuses a cut that leaves a side empty or has no direction', () => {
    expect(splitByLine(pos, 50, 0, 50, 10)).toBeNull();
    expect(splitByLine(pos, 3, 3, 3, 3)).toBeNull();
  });
});

describe('medianSplit', () => {
  it('halves by x whatever the shape (ids ascending on each side)', () => {
    const pos = positions([[5, 0], [1, 0], [9, 0], [1, 5], [100, 0]]);
    expect(medianSplit(pos)).toEqual([[0, 1, 3], [2, 4]]);
  });
  it('gives both sides nodes when all share one x', () => {
    const pos = positions(Array.from({ length: 6 }, (_, i) => [0, i] as [number, number]));
    const [a, b] = medianSplit(pos);
    expect(a.length).toBe(3);
    expect(b.length).toBe(3);
  });
});

describe('pointInPolygon and hulls', () => {
  it('handles a concave polygon', () => {
    const xs = [0, 10, 10, 5, 0], ys = [0, 0, 10, 5, 10];
    expect(pointInPolygon(2, 2, xs, ys)).toBe(true);
    expect(pointInPolygon(5, 8, xs, ys)).toBe(false);
    expect(pointInPolygon(11, 5, xs, ys)).toBe(false);
  });
  it('encloses every member node, also for one node and for collinear nodes', () => {
    const pos = positions([[0, 0], [30, 5], [12, 40], [20, 20], [100, 100], [110, 100], [120, 100]]);
    for (const ids of [[0, 1, 2, 3], [4], [4, 5, 6]]) {
      const hull = paddedHull(pos, ids, 4);
      expect(hull.length).toBeGreaterThanOrEqual(3);
      for (const i of ids) expect(pointInPolygon(pos.x[i], pos.y[i], hull.map((p) => p[0]), hull.map((p) => p[1]))).toBe(true);
    }
  });
  it('computes bounds', () => {
    expect(boundsOf(positions([[1, -2], [3, 4]]))).toEqual({ minX: 1, minY: -2, maxX: 3, maxY: 4 });
  });
});

describe('nearestNode', () => {
  const pos = positions([[0, 0], [10, 0], [10.5, 0]]);
  it('picks the nearest node within the radius', () => {
    expect(nearestNode(pos, 1, 1, 3)).toBe(0);
    expect(nearestNode(pos, 10.4, 0, 3)).toBe(2);
    expect(nearestNode(pos, 10.1, 0, 3)).toBe(1);
  });
  it('returns null on empty space', () => {
    expect(nearestNode(pos, 5, 5, 3)).toBeNull();
  });
});

describe('angularSectors', () => {
  const square = { n: 4, x: Float32Array.from([-1, 1, -1, 1]), y: Float32Array.from([-1, -1, 1, 1]) };

  it('cuts a layout into equal slices like a pie, the left half first', () => {
    expect(angularSectors(square, 2)).toEqual([[0, 2], [1, 3]]);
    const four = angularSectors(square, 4);
    expect(four.flat().sort()).toEqual([0, 1, 2, 3]);
    expect(four.every((g) => g.length === 1)).toBe(true);
    expect(angularSectors(square, 9)).toHaveLength(4);
  });

  it('gives a ring drawn as a circle three equal arcs of consecutive ids', () => {
    const ring = angularSectors(circle(12), 3);
    expect(ring.map((g) => g.length)).toEqual([4, 4, 4]);
    for (const g of ring) {
      const gaps = g.filter((v) => !g.includes((v + 1) % 12)).length;
      expect(gaps).toBe(1); // one contiguous arc each
    }
  });
});
