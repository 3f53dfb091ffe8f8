import { clear, drawLine, fillPolygon, type PixelBuffer } from './pixel-buffer';
import type { Scene } from './scene';

/**
 * The static layer: background, partition regions and links. It changes only when the layout,
 * the view or the groups change, so frames copy it instead of redrawing thousands of links.
 * It is drawn progressively: each frame adds links for at most a time budget, so a 30,000-link
 * graph being panned never blocks the main thread (the shuffled order makes a partial layer
 * a uniform sample, i.e. level of detail for free).
 */
export class LinkLayer {
  private key = NaN;
  private cursor = 0;
  /** Sum of drawn link lengths in pixels (for the benchmark notes and tests). */
  drawnPixels = 0;

  constructor(readonly buf: PixelBuffer) {}

  get complete(): boolean {
    return this.cursor === -1;
  }

  /** Draws more of the layer; returns true when it is complete. */
  update(scene: Scene, dpr: number, budgetMs: number, now: () => number = () => performance.now()): boolean {
    const { buf } = this;
    if (scene.staticKey !== this.key) {
      this.key = scene.staticKey;
      this.cursor = 0;
      this.drawnPixels = 0;
      clear(buf, scene.colors.background);
      drawHulls(buf, scene, dpr);
    }
    if (this.cursor === -1) return true;
    const { edges, pos, transform: t, linkAlpha, colors } = scene;
    const k = t.k * dpr, ox = t.x * dpr, oy = t.y * dpr;
    const until = now() + budgetMs;
    let e = this.cursor;
    while (e < edges.count) {
      const end = Math.min(edges.count, e + 64);
      for (; e < end; e++) {
        const i = edges.a[e], j = edges.b[e];
        const x0 = pos.x[i] * k + ox, y0 = pos.y[i] * k + oy;
        const x1 = pos.x[j] * k + ox, y1 = pos.y[j] * k + oy;
        drawLine(buf, x0, y0, x1, y1, colors.link, linkAlpha);
        // High contrast: a second line one pixel across makes links two pixels wide.
        if (colors.thickLinks) {
          const across = Math.abs(x1 - x0) > Math.abs(y1 - y0);
          drawLine(buf, x0 + (across ? 0 : 1), y0 + (across ? 1 : 0), x1 + (across ? 0 : 1), y1 + (across ? 1 : 0), colors.link, linkAlpha);
        }
        this.drawnPixels += Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
      }
      if (now() > until) break;
    }
    this.cursor = e >= edges.count ? -1 : e;
    return this.cursor === -1;
  }
}

function drawHulls(buf: PixelBuffer, scene: Scene, dpr: number): void {
  const t = scene.transform;
  for (const hull of scene.hulls) {
    const xs = hull.points.map(([x]) => (x * t.k + t.x) * dpr);
    const ys = hull.points.map(([, y]) => (y * t.k + t.y) * dpr);
    fillPolygon(buf, xs, ys, hull.color, 46);
  }
}
