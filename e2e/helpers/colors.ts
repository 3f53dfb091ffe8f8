import type { Locator } from '@playwright/test';

export interface ColorPair {
  text: [number, number, number];
  background: [number, number, number];
  /** WCAG contrast ratio, 1–21. */
  contrast: number;
}

/**
 * The element's text colour and the first opaque background behind it, as sRGB, with their
 * WCAG contrast. Colours go through a 1×1 canvas, so Tailwind's oklch() values resolve too.
 */
export function colorsOf(el: Locator): Promise<ColorPair> {
  return el.evaluate((node) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      // An alpha of 0 in the computed colour means "transparent", whatever fillRect drew.
      return [d[0], d[1], d[2], /rgba\(.*,\s*0\)$|transparent/.test(css) ? 0 : d[3]];
    };
    let bg: [number, number, number, number] = [255, 255, 255, 255];
    for (let e: Element | null = node; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] >= 250) {
        bg = c;
        break;
      }
    }
    const fg = rgba(getComputedStyle(node).color);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    return { text: [fg[0], fg[1], fg[2]], background: [bg[0], bg[1], bg[2]], contrast: (l1 + 0.05) / (l2 + 0.05) };
  });
}

/** Relative luminance (0 black – 1 white) of an sRGB triple. */
export function luminance([r, g, b]: [number, number, number]): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
