import { LinkLayer } from './link-layer';
import { drawMessages, drawNodes } from './node-layer';
import { createBuffer, StampCache, type PixelBuffer } from './pixel-buffer';
import { drawOverlay } from './overlay';
import { drawTraceLayer } from './trace-layer';
import type { RenderBackend } from './scene';

/** The canvas's opaque 2D context; a browser without one cannot show the graph at all. */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This browser cannot draw on a canvas (no 2D context).');
  return ctx;
}

/** Sizes the context's canvas for w×h CSS px at `dpr`: an ImageData to put on it, and a pixel buffer over its memory. */
export function canvasPixels(ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number): { image: ImageData; buf: PixelBuffer } {
  const pw = Math.max(1, Math.round(w * dpr)), ph = Math.max(1, Math.round(h * dpr));
  ctx.canvas.width = pw;
  ctx.canvas.height = ph;
  const image = ctx.createImageData(pw, ph);
  return { image, buf: createBuffer(pw, ph, new Uint32Array(image.data.buffer)) };
}

/**
 * Canvas 2D backend: links, regions, nodes and messages are written as pixels into one
 * ImageData and put on the canvas once per frame; only the few vector bits (the split line,
 * the hint, labels) are drawn with Canvas paths on top.
 */
export function createCanvas2dBackend(canvas: HTMLCanvasElement): RenderBackend {
  const ctx = context2d(canvas);
  let dpr = 1, cssW = 0, cssH = 0;
  let image: ImageData | null = null;
  let frame: PixelBuffer | null = null;
  let links: LinkLayer | null = null;
  const stamps = new StampCache();

  return {
    resize(w, h, ratio) {
      dpr = ratio;
      cssW = w;
      cssH = h;
      ({ image, buf: frame } = canvasPixels(ctx, w, h, ratio));
      links = new LinkLayer(createBuffer(frame.width, frame.height));
    },
    draw(scene, budgetMs) {
      if (!image || !frame || !links) return false;
      const done = links.update(scene, dpr, budgetMs);
      frame.data.set(links.buf.data);
      drawNodes(frame, scene, dpr, stamps);
      drawMessages(frame, scene, dpr, stamps);
      ctx.putImageData(image, 0, 0);
      if (scene.trace) drawTraceLayer(ctx, scene, scene.trace, dpr);
      drawOverlay(ctx, scene, dpr, cssW, cssH);
      return !done;
    },
    destroy() {
      image = null;
      frame = null;
      links = null;
    },
  };
}
