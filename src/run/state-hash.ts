/** What a state hash covers: every node's versions, liveness and partition group, and the round. */
export interface HashableFrame {
  round: number;
  versions: Uint32Array;
  /** A compact frame's per-node byte (its `versions` are empty). */
  dense?: Uint8Array | null;
  alive: Uint8Array;
  group: Uint8Array;
}

/**
 * A short fingerprint of the state shown (FNV-1a over the bytes), so two pages — or a page and
 * a fresh run — can be compared round for round without shipping every array.
 *
 * @example stateHash(frames.frame()!) // "12:3f9a01c2"
 */
export function stateHash(f: HashableFrame): string {
  return hashOf(f.round, [f.dense ?? f.versions, f.alive, f.group]);
}

/** What a membership state hash covers: liveness, groups, and how many observers hold each node wrongly dead, wrongly alive or suspect. */
export interface HashableMembershipFrame {
  round: number;
  alive: Uint8Array;
  group: Uint8Array;
  wronglyDead: Uint32Array;
  wronglyAlive: Uint32Array;
  suspected: Uint32Array;
}

export function membershipStateHash(f: HashableMembershipFrame): string {
  return hashOf(f.round, [f.alive, f.group, f.wronglyDead, f.wronglyAlive, f.suspected]);
}

function hashOf(round: number, arrays: readonly ArrayBufferView[]): string {
  let h = 0x811c9dc5;
  for (const v of arrays) {
    const a = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 0x01000193);
  }
  return `${round}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}
