import { LinkLayer } from './link-layer';
import { drawMessages, drawNodes } from './node-layer';
import { createBuffer, StampCache, type PixelBuffer } from './pixel-buffer';
import { drawOverlay } from './overlay';
import { drawTraceLayer } from './trace-layer';
import type { RenderBackend } from './scene';

/**
 * Canvas 2D backend: links, regions, nodes and messages are written as pixels into one
 * ImageData and put on the canvas once per frame; only the few vector bits (the split line,
 * the hint, labels) are drawn with Canvas paths on top.
 */
export function createCanvas2dBackend(canvas: HTMLCanvasElement): RenderBackend {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This browser cannot draw on a canvas (no 2D context).');
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
      const pw = Math.max(1, Math.round(w * ratio)), ph = Math.max(1, Math.round(h * ratio));
      canvas.width = pw;
      canvas.height = ph;
      image = ctx.createImageData(pw, ph);
      frame = createBuffer(pw, ph, new Uint32Array(image.data.buffer));
      links = new LinkLayer(createBuffer(pw, ph));
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
