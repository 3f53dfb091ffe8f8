import type { Rng } from '../engine/prng';
import { idHalves } from '../presets/partition-healing';
import { i18next } from '../i18n';

/** Why two sides can't make a partition (null when they can). */
export function validSides(sides: unknown, nodes: number): string | null {
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every(Array.isArray)) return 'A split needs two sides.';
  const [a, b] = sides as [unknown[], unknown[]];
  if (a.length === 0 || b.length === 0) return i18next.t('notices:lineOneSide');
  const seen = new Uint8Array(nodes);
  for (const v of [...a, ...b]) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= nodes) return `A split named node ${String(v)}, which does not exist.`;
    if (seen[v]) return `Node ${v} is on both sides of the split.`;
    seen[v] = 1;
  }
  return null;
}

/** The layout's halves when the renderer offers a usable split, else node-id halves. */
export function chooseHalves(
  api: { splitHalves(): [number[], number[]] } | null, nodes: number,
): { sides: [number[], number[]]; byLayout: boolean } {
  try {
    const sides = api?.splitHalves();
    if (sides && !validSides(sides, nodes) && sides[0].length + sides[1].length === nodes) return { sides, byLayout: true };
  } catch {
    // A renderer without a layout yet: fall back to ids below.
  }
  return { sides: idHalves(nodes), byLayout: false };
}

/** Timers that can all be cancelled at once (a story's pending beats when it ends). */
export class TimerSet {
  private readonly ids = new Set<unknown>();

  constructor(
    private readonly setTimer: (fn: () => void, ms: number) => unknown,
    private readonly clearTimer: (id: unknown) => void,
  ) {}

  later(fn: () => void, ms: number): void {
    const id = this.setTimer(() => {
      this.ids.delete(id);
      fn();
    }, ms);
    this.ids.add(id);
  }

  clear(): void {
    for (const id of this.ids) this.clearTimer(id);
    this.ids.clear();
  }
}

/** A live node drawn with the run's own PRNG (never an unseeded source), or null when all are down. */
export function pickLiveNode(alive: Uint8Array, rng: Rng): number | null {
  const live: number[] = [];
  for (let i = 0; i < alive.length; i++) if (alive[i]) live.push(i);
  return live.length === 0 ? null : live[rng.int(live.length)];
}
