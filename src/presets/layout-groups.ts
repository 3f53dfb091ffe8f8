import type { TopologyName } from '../engine/types';
import { initialLayout } from '../render/initial-layout';

/** Node positions, struct-of-arrays (the renderer's Positions). */
export interface PointSet {
  n: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * Splits nodes into k groups of (nearly) equal size by angle around the layout's centroid,
 * like cutting a pie: sweeping clockwise on screen from straight down, so two groups are the
 * left and the right half and the first group is the left one. Ties go by node id, so the
 * result is deterministic for a given layout.
 */
export function angularSectors(pos: PointSet, k: number): number[][] {
  const n = pos.n;
  const groups = Math.max(1, Math.min(Math.floor(k), n));
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos.x[i];
    cy += pos.y[i];
  }
  cx /= n || 1;
  cy /= n || 1;
  const turn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Screen y points down, so atan2 grows clockwise; 0 = straight down.
    const a = Math.atan2(pos.y[i] - cy, pos.x[i] - cx) - Math.PI / 2;
    turn[i] = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  }
  const ids = Array.from({ length: n }, (_, i) => i).sort((a, b) => turn[a] - turn[b] || a - b);
  const out: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.round((g * n) / groups), to = Math.round(((g + 1) * n) / groups);
    out.push(ids.slice(from, to).sort((a, b) => a - b));
  }
  return out;
}

/**
 * The sectors of a graph as the page draws it. Exact for complete, ring and grid graphs,
 * whose drawing is a fixed function of the node ids; for a random graph it is the starting
 * layout, which the force layout then moves (the page asks the renderer instead).
 */
export function layoutSectors(
  topology: TopologyName, nodes: number, k: number, offsets: Uint32Array | null = null, neighbors: Uint32Array | null = null,
): number[][] {
  return angularSectors(initialLayout(topology, nodes, offsets, neighbors), k);
}

/** Topologies whose drawing is fixed by the ids, so a preset can name its groups in advance. */
export const FIXED_LAYOUTS: readonly TopologyName[] = ['complete', 'ring', 'grid'];
