import type { TopologyName } from '../engine/types';
import { angularSectors } from '../render/geometry';
import { initialLayout } from '../render/initial-layout';

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
