import { DEFAULT_CONFIG } from '../engine/config';
import type { SimConfig } from '../engine/types';
import type { VersionCodec } from '../engine/versions';
import { versionLabel } from '../view/version-label';
import { tPreset } from './preset-text';

/**
 * "Partition healing": a cluster split in two takes a different update of the same key on each
 * side; each side converges on its own version; after the heal, last-writer-wins picks one
 * version for everyone. The functions here are the story's pure parts (who writes, when a side
 * has converged, which version won and why); story.ts runs them against the live session.
 */

/** Seed 4 gives a connected random graph at 60 nodes and degree 4 (checked by the tests). */
export const PARTITION_HEALING_CONFIG: SimConfig = {
  ...DEFAULT_CONFIG,
  nodes: 60,
  protocol: 'push-pull',
  fanout: 1,
  topology: 'random',
  degree: 4,
  loss: 0,
  seed: 4,
  keys: 1,
  // Nobody knows anything at round 0: the story's two writes are the only versions.
  origin: -1,
};

/** Rounds per second: slow enough to follow each side filling up. */
export const PARTITION_HEALING_SPEED = 1.5;

/** The story's steps, in the page's language (presets namespace: partition-healing.steps). */
export const partitionHealingSteps = (): string[] => ['s1', 's2', 's3', 's4', 's5'].map((s) => tPreset(`partition-healing.steps.${s}`));

export interface Adjacency {
  nodes: number;
  /** CSR adjacency, or null for the complete graph. */
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
}

/** Nodes 0…⌈n/2⌉−1 and the rest: the split when no layout is available. */
export function idHalves(nodes: number): [number[], number[]] {
  const half = Math.ceil(nodes / 2);
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < nodes; i++) (i < half ? a : b).push(i);
  return [a, b];
}

/** The nodes of `side` reachable from `start` without leaving `side` (breadth-first). */
export function reachableWithin(g: Adjacency, side: readonly number[], start: number): number[] {
  const inSide = new Uint8Array(g.nodes);
  for (const v of side) inSide[v] = 1;
  if (!inSide[start]) return [];
  if (!g.offsets || !g.neighbors) return [...side];
  const seen = new Uint8Array(g.nodes);
  const out = [start];
  seen[start] = 1;
  for (let head = 0; head < out.length; head++) {
    const u = out[head];
    for (let k: number = g.offsets[u]; k < g.offsets[u + 1]; k++) {
      const v = g.neighbors[k];
      if (inSide[v] && !seen[v]) {
        seen[v] = 1;
        out.push(v);
      }
    }
  }
  return out;
}

/**
 * The writer of one side: the lowest id of the side's largest internally connected part, so
 * its update can reach as much of its side as the partition allows.
 */
export function chooseWriter(g: Adjacency, side: readonly number[]): number {
  const done = new Uint8Array(g.nodes);
  let best: number[] = [];
  for (const v of [...side].sort((x, y) => x - y)) {
    if (done[v]) continue;
    const part = reachableWithin(g, side, v);
    for (const u of part) done[u] = 1;
    if (part.length > best.length) best = part;
  }
  return best.length > 0 ? Math.min(...best) : -1;
}

/** Does every live node of `members` hold `version` of key `key`? */
export function holdsEverywhere(
  versions: Uint32Array, alive: Uint8Array, keys: number, key: number, members: readonly number[], version: number,
): boolean {
  for (const v of members) if (alive[v] && versions[v * keys + key] !== version) return false;
  return true;
}

/** Why `winner` beat the other versions, in last-writer-wins terms. */
export function explainWinner(codec: VersionCodec, winner: number, rivals: readonly number[]): string {
  const name = versionLabel(codec, winner);
  const others = rivals.filter((r) => r !== winner && r !== 0);
  if (others.length === 0) return tPreset('partition-healing.everyone', { version: name });
  if (others.some((r) => r > winner)) return tPreset('partition-healing.newest', { version: name });
  const c = codec.counter(winner);
  const sameCounter = others.filter((r) => codec.counter(r) === c);
  if (sameCounter.length > 0) {
    const loser = sameCounter[0];
    return tPreset('partition-healing.tie', { counter: c, a: codec.writer(winner), b: codec.writer(loser) });
  }
  const loser = others[0];
  return tPreset('partition-healing.higher', { version: name, a: c, b: codec.counter(loser), loser: versionLabel(codec, loser) });
}
