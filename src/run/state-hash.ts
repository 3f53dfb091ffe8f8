/** What a state hash covers: every node's versions, liveness and partition group, and the round. */
export interface HashableFrame {
  round: number;
  versions: Uint32Array;
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
  let h = 0x811c9dc5;
  const parts = [new Uint8Array(f.versions.buffer, f.versions.byteOffset, f.versions.byteLength), f.alive, f.group];
  for (const a of parts) for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 0x01000193);
  return `${f.round}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}
