/**
 * Versions are last-writer-wins pairs (counter, writer) packed into one uint32:
 * `counter << writerBits | writer`. Packing keeps every node's version of a key in one
 * Uint32Array and makes "newer" a plain `>` in the hot loops, while the order is exactly
 * the LWW order (higher counter wins; on equal counters, the higher writer id wins).
 * Version 0 means "knows nothing of this key".
 *
 * The price is a bound on the counter: 2^(32 − writerBits) − 1 successive versions of one key
 * (255 at 10^7 nodes, 262,143 at 10^4). A write past it is refused with a clear error.
 */
export interface VersionCodec {
  writerBits: number;
  maxCounter: number;
  pack(counter: number, writer: number): number;
  counter(version: number): number;
  writer(version: number): number;
}

export function versionCodec(nodes: number): VersionCodec {
  const writerBits = Math.max(1, Math.ceil(Math.log2(nodes)));
  const scale = 2 ** writerBits;
  const maxCounter = 2 ** (32 - writerBits) - 1;
  return {
    writerBits,
    maxCounter,
    pack: (counter, writer) => counter * scale + writer,
    counter: (version) => Math.floor(version / scale),
    writer: (version) => version % scale,
  };
}
