import { Inflate } from 'fflate';

/**
 * Raw DEFLATE decompression that stops at a limit, doing bounded work on the way.
 *
 * fflate inflates everything a `push` hands it before it calls `ondata` once, so a guard inside
 * `ondata` fires only after the whole input has been inflated: a 1 MB link that inflates to 1 GB
 * froze the page for seconds first. Here the compressed input is fed in small slices; DEFLATE
 * expands at most ~1032:1, so one slice of `sliceBytes` yields at most about a megabyte, and
 * the limit is checked after every slice. Output past the limit is never produced.
 *
 * @example
 *   const r = inflateBounded(bytes, 2_000_000);
 *   if (r.ok) use(r.data); else if (r.reason === 'too-large') say('too large'); else say('damaged');
 */
export type BoundedInflateResult =
  | { ok: true; data: Uint8Array }
  /** `too-large`: the output would pass `limit` bytes; `damaged`: not valid DEFLATE, or cut short. */
  | { ok: false; reason: 'too-large' | 'damaged' };

/** Compressed bytes fed per step: at most ~1 MB of output each (the DEFLATE ratio is at most ~1032). */
export const INFLATE_SLICE_BYTES = 1024;

export function inflateBounded(data: Uint8Array, limit: number, sliceBytes: number = INFLATE_SLICE_BYTES): BoundedInflateResult {
  if (data.length === 0) return { ok: false, reason: 'damaged' }; // a DEFLATE stream has at least its final block
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length; at += sliceBytes) {
      const last = at + sliceBytes >= data.length;
      inflater.push(data.subarray(at, at + sliceBytes), last);
      if (total > limit) return { ok: false, reason: 'too-large' };
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (!ended) return { ok: false, reason: 'damaged' };
  return { ok: true, data: concat(chunks) };
}

/** The parts, one after another, in one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
