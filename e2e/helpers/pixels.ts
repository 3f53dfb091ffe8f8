import type { Locator } from '@playwright/test';

/**
 * How many pixels of an element's screenshot lie within `tolerance` (per channel) of the
 * colour `hex`. Canvas drawings have no DOM, so a mark drawn on one is found by its colour.
 */
export async function pixelsOfColor(el: Locator, hex: string, tolerance = 24): Promise<number> {
  const buf = await el.screenshot();
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  // Decode through the page: an <img> from the PNG, drawn on a canvas, counted.
  return el.page().evaluate(async ({ b64, rgb, tolerance }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - rgb[0]) <= tolerance && Math.abs(d[i + 1] - rgb[1]) <= tolerance && Math.abs(d[i + 2] - rgb[2]) <= tolerance) n++;
    }
    return n;
  }, { b64: buf.toString('base64'), rgb, tolerance });
}
