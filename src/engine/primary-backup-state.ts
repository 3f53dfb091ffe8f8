import { copyColumns, setColumns } from './columns';
import type { DelaySpec } from './types';
import type { World } from './world';

const SAVED = ['primary', 'version', 'cursor', 'acked', 'retryAt', 'ackFor'] as const;

/** What the primary of each key remembers, as plain arrays (copied whole by snapshot()). */
export type PrimaryBackupSnapshot = Pick<PrimaryBackupState, (typeof SAVED)[number]>;

/**
 * The primary-backup baseline's state. For each key the *primary* is the node that wrote its
 * newest version (the update's origin); it keeps, per replica, whether the replica has
 * acknowledged that version (`acked`) and, for an update sent and not yet acknowledged, the
 * round from which it sends it again (`retryAt`: a real primary's retransmission timer). A
 * replica's ack reports the version it holds after the update (`ackFor`, the content of the
 * replica's newest ack). A new write of the key — by the same node or another — starts over:
 * its writer is the primary of the new version and every replica has to acknowledge again.
 *
 * The primary offers the update to its replicas in a fixed order: ids after its own, wrapping
 * around (p+1, p+2, …, n−1, 0, …, p−1). `cursor` is the offset in that order before which
 * every replica has acknowledged, so a round looks only at the replicas still open.
 */
export class PrimaryBackupState {
  readonly primary: Int32Array;
  readonly version: Uint32Array;
  readonly cursor: Uint32Array;
  readonly acked: Uint8Array;
  readonly retryAt: Uint32Array;
  readonly ackFor: Uint32Array;

  constructor(readonly nodes: number, readonly keys: number) {
    this.primary = new Int32Array(keys).fill(-1);
    this.version = new Uint32Array(keys);
    this.cursor = new Uint32Array(keys).fill(1);
    this.acked = new Uint8Array(nodes * keys);
    this.retryAt = new Uint32Array(nodes * keys);
    this.ackFor = new Uint32Array(nodes * keys);
  }

  /** Follows the newest version of `key`: a new one (a write) makes its writer the primary, with no acks yet. */
  follow(world: World, key: number): void {
    const v = world.latest[key];
    if (v === this.version[key]) return;
    this.version[key] = v;
    this.primary[key] = v === 0 ? -1 : world.codec.writer(v);
    this.cursor[key] = 1;
    const K = this.keys;
    for (let i = 0; i < this.nodes; i++) {
      this.acked[i * K + key] = 0;
      this.retryAt[i * K + key] = 0;
    }
  }

  /**
   * A node restarted empty. As a replica it rejoins and announces it (its acks no longer hold);
   * as a primary it has lost the update and its table with it.
   */
  forget(node: number): void {
    const K = this.keys;
    for (let k = 0; k < K; k++) {
      this.acked[node * K + k] = 0;
      this.retryAt[node * K + k] = 0;
      this.ackFor[node * K + k] = 0;
      if (this.primary[k] === node) {
        this.cursor[k] = 1;
        for (let i = 0; i < this.nodes; i++) {
          this.acked[i * K + k] = 0;
          this.retryAt[i * K + k] = 0;
        }
      }
    }
  }

  /** Replicas of `key` that have acknowledged its newest version. */
  ackedCount(key: number): number {
    let c = 0;
    for (let i = key; i < this.acked.length; i += this.keys) c += this.acked[i];
    return c;
  }

  snapshot(): PrimaryBackupSnapshot {
    return copyColumns(this, SAVED);
  }

  restore(s: PrimaryBackupSnapshot): void {
    setColumns(this, s, SAVED);
  }
}

/**
 * Rounds the primary waits for an ack before it sends the update again: the round trip at the
 * longest delay it expects, 2·d − 1 rounds (an update sent in round r arrives in r + d − 1, its
 * ack in r + 2d − 2), so with no delay (d = 1) it retries in the next round. d is the fixed
 * delay, a uniform delay's maximum, or three times an exponential delay's mean (about 95 % of
 * such messages arrive within it; a later ack still counts, after a retransmission that is
 * then redundant — as with a real sender's timer).
 */
export function retryTimeout(d: DelaySpec): number {
  const longest = d.kind === 'fixed' ? d.rounds : d.kind === 'uniform' ? d.max : Math.ceil(3 * d.mean);
  return 2 * longest - 1;
}
