/**
 * Colours as the pixel buffer stores them: one uint32 per pixel in an ImageData's memory,
 * read through a Uint32Array. On little-endian machines (every browser target) the bytes
 * R, G, B, A land as 0xAABBGGRR.
 */
export type Packed = number;

/** '#RRGGBB' (or '#RGB') → packed opaque colour. Bad input gives opaque magenta, never throws. */
export function packHex(hex: string): Packed {
  let h = hex.startsWith('#') ? hex.slice(1) : hex;
  if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
  const v = /^[0-9a-fA-F]{6}$/.test(h) ? parseInt(h, 16) : 0xff00ff;
  return packRgb((v >> 16) & 255, (v >> 8) & 255, v & 255);
}

export function packRgb(r: number, g: number, b: number): Packed {
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

export function unpack(c: Packed): [number, number, number, number] {
  return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
}

/** `src` over the opaque `dst` with coverage `a` (0–255); the result stays opaque. */
export function blend(dst: Packed, src: Packed, a: number): Packed {
  if (a >= 255) return src;
  const r0 = dst & 255, g0 = (dst >>> 8) & 255, b0 = (dst >>> 16) & 255;
  const r = r0 + ((((src & 255) - r0) * a) >> 8);
  const g = g0 + (((((src >>> 8) & 255) - g0) * a) >> 8);
  const b = b0 + (((((src >>> 16) & 255) - b0) * a) >> 8);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
