import type { Locator } from '@playwright/test';

/** An element's screenshot as RGBA bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * An element's screenshot, decoded. Canvas drawings have no DOM, so a mark drawn on one is
 * found by its colour. Decoded through the page: an <img> from the PNG, drawn on a canvas.
 */
export async function screenshotPixels(el: Locator): Promise<Pixels> {
  const png = await el.screenshot();
  return el.page().evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(img, 0, 0);
    return { width: c.width, height: c.height, data: ctx.getImageData(0, 0, c.width, c.height).data };
  }, png.toString('base64'));
}

/** '#RRGGBB' as [r, g, b]. */
export const rgbOf = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Whether the pixel at byte `i` of `data` is within `tolerance` (per channel) of `rgb`. */
export const nearColor = (data: Uint8ClampedArray, i: number, rgb: readonly number[], tolerance: number): boolean =>
  Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance && Math.abs(data[i + 2] - rgb[2]) <= tolerance;

/** How many pixels of an element's screenshot lie within `tolerance` (per channel) of the colour `hex`. */
export async function pixelsOfColor(el: Locator, hex: string, tolerance = 24): Promise<number> {
  const { data } = await screenshotPixels(el);
  const rgb = rgbOf(hex);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (nearColor(data, i, rgb, tolerance)) n++;
  return n;
}
