import { copyColumns, setColumns } from './columns';
import type { World } from './world';

const SUSCEPTIBLE = 0;
export const INFECTIVE = 1;
export const REMOVED = 2;

/** What a snapshot copies whole. */
const SAVED = ['status', 'since', 'count'] as const;
export type RumorSnapshot = Pick<RumorState, (typeof SAVED)[number]>;

/**
 * Rumor mongering state per node and key (Demers et al. 1987): a node that learns a newer
 * version becomes *infective* for that key and spreads it from the next round on until it
 * loses interest (*removed*). `since` is the round in which it became infective, so a node
 * infected during round r does not spread within round r; `count` is the interest rule's
 * counter (unnecessary contacts in a row, or pushes).
 */
export class RumorState {
  readonly status: Uint8Array;
  readonly since: Uint32Array;
  readonly count: Uint16Array;

  constructor(readonly nodes: number, readonly keys: number) {
    this.status = new Uint8Array(nodes * keys);
    this.since = new Uint32Array(nodes * keys);
    this.count = new Uint16Array(nodes * keys);
  }

  infect(node: number, key: number, round: number): void {
    const i = node * this.keys + key;
    this.status[i] = INFECTIVE;
    this.since[i] = round;
    this.count[i] = 0;
  }

  /** Forgets everything about the node (a restart with empty state). */
  clear(node: number): void {
    const base = node * this.keys;
    for (let k = 0; k < this.keys; k++) {
      this.status[base + k] = SUSCEPTIBLE;
      this.count[base + k] = 0;
    }
  }

  /** Infective for some key since before `round` — so it spreads in `round`. Returns the key mask. */
  spreadingMask(node: number, round: number): number {
    let mask = 0;
    const base = node * this.keys;
    for (let k = 0; k < this.keys; k++) {
      if (this.status[base + k] === INFECTIVE && this.since[base + k] < round) mask |= 1 << k;
    }
    return mask;
  }

  /** Live infective and removed nodes per key. */
  counts(world: World): { infective: number[]; removed: number[] } {
    const infective = new Array<number>(this.keys).fill(0);
    const removed = new Array<number>(this.keys).fill(0);
    for (let i = 0; i < this.nodes; i++) {
      if (!world.alive[i]) continue;
      for (let k = 0; k < this.keys; k++) {
        const st = this.status[i * this.keys + k];
        if (st === INFECTIVE) infective[k]++;
        else if (st === REMOVED) removed[k]++;
      }
    }
    return { infective, removed };
  }

  snapshot(): RumorSnapshot {
    return copyColumns(this, SAVED);
  }

  restore(s: RumorSnapshot): void {
    setColumns(this, s, SAVED);
  }
}

