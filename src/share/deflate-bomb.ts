import { Deflate } from 'fflate';
import { concat } from './bounded-inflate';

/**
 * Test material: a raw DEFLATE stream of `megabytes` MB of spaces, built in milliseconds however
 * large it inflates. Each megabyte is deflated once and sync-flushed to a byte boundary, so the
 * steady-state block repeats byte for byte; the stream is the first block, the repeated one, and
 * an empty final stored block. 1000 MB come to about 1 MB compressed — a 1.4 M-character link.
 */
export function deflateBomb(megabytes: number): Uint8Array {
  const blocks: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => current.push(chunk));
  const spaces = new Uint8Array(1 << 20).fill(32);
  for (let i = 0; i < 3; i++) {
    deflate.push(spaces, false);
    deflate.flush(true);
    blocks.push(current);
    current = [];
  }
  const first = concat(blocks[0]);
  const steady = concat(blocks[2]);
  const finalEmptyStoredBlock = new Uint8Array([1, 0, 0, 0xff, 0xff]);
  return concat([first, ...Array.from({ length: megabytes - 1 }, () => steady), finalEmptyStoredBlock]);
}
