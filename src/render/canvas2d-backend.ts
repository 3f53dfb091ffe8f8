import { LinkLayer } from './link-layer';
import { drawMessages, drawNodes } from './node-layer';
import { createBuffer, StampCache, type PixelBuffer } from './pixel-buffer';
import type { RenderBackend, Scene } from './scene';

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

function drawOverlay(ctx: CanvasRenderingContext2D, scene: Scene, dpr: number, w: number, h: number): void {
  ctx.save();
  ctx.scale(dpr, dpr);
  const { colors } = scene;
  if (scene.labels) {
    const t = scene.transform;
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = colors.text;
    const off = scene.nodeRadius + 9;
    for (let i = 0; i < scene.pos.n; i++) {
      const x = scene.pos.x[i] * t.k + t.x, y = scene.pos.y[i] * t.k + t.y;
      if (x > -20 && y > -20 && x < w + 20 && y < h + 20) ctx.fillText(String(i), x, y - off);
    }
  }
  if (scene.splitLine) {
    const [ax, ay, bx, by] = scene.splitLine;
    ctx.lineWidth = 3;
    ctx.setLineDash([10, 6]);
    ctx.strokeStyle = colors.text;
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const [x, y] of [[ax, ay], [bx, by]]) {
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.fillStyle = colors.text;
      ctx.fill();
    }
  }
  if (scene.hint) {
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const tw = ctx.measureText(scene.hint).width;
    const bw = Math.min(w - 16, tw + 28), bh = 34, x = w / 2, y = 28;
    ctx.fillStyle = colors.hintBackground;
    ctx.strokeStyle = colors.text;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(x - bw / 2, y - bh / 2, bw, bh, 8);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = colors.text;
    ctx.fillText(scene.hint, x, y, w - 32);
  }
  ctx.restore();
}
