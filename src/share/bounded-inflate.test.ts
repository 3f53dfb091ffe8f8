import fc from 'fast-check';
import { Inflate, deflateSync, inflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { inflateBounded, INFLATE_SLICE_BYTES } from './bounded-inflate';
import { deflateBomb } from './deflate-bomb';

describe('inflateBounded', () => {
  it('inflates whatever deflate made, in any slice size, when it fits the limit', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.integer({ min: 16, max: 300 }), fc.integer({ min: 0, max: 9 }), (bytes, slice, level) => {
      const packed = deflateSync(bytes, { level: level as 0 });
      const r = inflateBounded(packed, bytes.length, slice);
      expect(r).toEqual({ ok: true, data: bytes });
    }), { numRuns: 100 });
    const text = new TextEncoder().encode('gossip '.repeat(100_000));
    expect(inflateBounded(deflateSync(text), text.length)).toEqual({ ok: true, data: text });
  });

  it('says too-large one byte past the limit, and damaged for a stream cut short or not DEFLATE', () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7919) % 251);
    const packed = deflateSync(bytes);
    expect(inflateBounded(packed, bytes.length - 1)).toEqual({ ok: false, reason: 'too-large' });
    expect(inflateBounded(packed.subarray(0, packed.length - 3), bytes.length)).toEqual({ ok: false, reason: 'damaged' });
    expect(inflateBounded(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toEqual({ ok: false, reason: 'damaged' });
    expect(inflateBounded(new Uint8Array(0), 100)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('the bomb the tests use is what it says: 8 MB of spaces from ~8 KB', () => {
    const bomb = deflateBomb(8);
    expect(bomb.length).toBeLessThan(10_000);
    const all = inflateSync(bomb);
    expect(all.length).toBe(8 << 20);
    expect(all.every((b) => b === 32)).toBe(true);
  });

  it('stops a 1 GB bomb after inflating about the limit, at once, feeding only a few slices', () => {
    const bomb = deflateBomb(1000); // ~1 MB that inflates to 1000 MB
    expect(bomb.length).toBeGreaterThan(1_000_000);
    const push = vi.spyOn(Inflate.prototype, 'push');
    const started = performance.now();
    const r = inflateBounded(bomb, 2_000_000);
    const ms = performance.now() - started;
    const fed = push.mock.calls.reduce((n, [chunk]) => n + chunk.length, 0);
    push.mockRestore();
    expect(r).toEqual({ ok: false, reason: 'too-large' });
    // 2 MB of output is about 2 KB of this input: a handful of slices, not the megabyte.
    expect(fed).toBeLessThanOrEqual(4 * INFLATE_SLICE_BYTES);
    expect(ms).toBeLessThan(500);
  });
});
