import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { Rng } from '../engine/prng';
import type { Positions } from './geometry';
import { SPACING } from './initial-layout';

/** Everything a layout needs, in plain arrays: it can be posted to a worker as is. */
export interface ForceLayoutInput {
  n: number;
  offsets: Uint32Array;
  neighbors: Uint32Array;
  x: Float32Array;
  y: Float32Array;
  seed: number;
}

export interface ForceLayout {
  /** Runs up to `count` ticks; returns false once the layout has cooled down. */
  tick(count: number): boolean;
  readonly done: boolean;
  readonly ticks: number;
  readonly maxTicks: number;
  /** Copies the current positions into `out`. */
  read(out: Positions): void;
}

/**
 * Tick budget by size: Barnes–Hut many-body costs ~n log n per tick (~15 ms at 2000 nodes and
 * ~90 ms at 10000 on the development machine), and the BFS-sunflower start is already close,
 * so large graphs cool down in fewer ticks and with a coarser θ.
 */
export function layoutBudget(n: number): { maxTicks: number; theta: number } {
  if (n <= 500) return { maxTicks: 300, theta: 0.9 };
  if (n <= 3000) return { maxTicks: 160, theta: 1.0 };
  return { maxTicks: 60, theta: 1.3 };
}

/**
 * d3-force over the CSR graph, stepped by hand (`stop()` first): links pull neighbours to
 * SPACING·1.5, Barnes–Hut charge spreads the rest, and weak x/y forces keep separate
 * components on screen. Randomness (d3's jiggle for coincident nodes) comes from the seeded
 * PRNG, so a graph always settles into the same picture.
 */
export function createForceLayout(input: ForceLayoutInput): ForceLayout {
  const { n, offsets, neighbors } = input;
  const nodes: SimulationNodeDatum[] = Array.from({ length: n }, (_, i) => ({ x: input.x[i], y: input.y[i] }));
  const links: { source: number; target: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) if (neighbors[e] > i) links.push({ source: i, target: neighbors[e] });
  }
  const { maxTicks, theta } = layoutBudget(n);
  const rng = new Rng(input.seed);
  const alphaMin = 0.001;
  const sim = forceSimulation(nodes)
    .randomSource(() => rng.float())
    .alpha(0.6)
    .alphaMin(alphaMin)
    // Reaches alphaMin after exactly maxTicks from alpha 0.6.
    .alphaDecay(1 - Math.pow(alphaMin / 0.6, 1 / maxTicks))
    .force('link', forceLink(links).distance(SPACING * 1.5))
    .force('charge', forceManyBody().strength(-SPACING * 3).theta(theta).distanceMax(SPACING * 40))
    .force('x', forceX(0).strength(0.02))
    .force('y', forceY(0).strength(0.02))
    .stop();
  let ticks = 0;
  const layout: ForceLayout = {
    tick(count) {
      for (let c = 0; c < count && ticks < maxTicks; c++) {
        sim.tick();
        ticks++;
      }
      return ticks < maxTicks;
    },
    get done() {
      return ticks >= maxTicks;
    },
    get ticks() {
      return ticks;
    },
    maxTicks,
    read(out) {
      for (let i = 0; i < n; i++) {
        out.x[i] = nodes[i].x ?? 0;
        out.y[i] = nodes[i].y ?? 0;
      }
    },
  };
  return layout;
}
