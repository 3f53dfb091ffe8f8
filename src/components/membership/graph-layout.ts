/**
 * Where each node sits. Ids run counter-clockwise from the top, so the halves the page splits
 * by id (`membershipHalves`) are the left and the right of the drawing. Up to CIRCLE_MAX nodes
 * sit on one circle (message chords stay readable); more fill a disc (a sunflower spiral whose
 * points are numbered by angle), ~12 px apart at 2000 nodes in a 600-px disc.
 */

export const CIRCLE_MAX = 200;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface Layout {
  /** Unit coordinates in [-1, 1], x right, y down. */
  x: Float32Array;
  y: Float32Array;
  /** Node radius as a fraction of the layout radius. */
  nodeRadius: number;
  circle: boolean;
}

/** Angle measured counter-clockwise from the top, in [0, 2π). */
function angleFromTop(x: number, y: number): number {
  const a = Math.atan2(-x, -y);
  return a < 0 ? a + 2 * Math.PI : a;
}

export function membershipLayout(n: number): Layout {
  const x = new Float32Array(n), y = new Float32Array(n);
  if (n <= CIRCLE_MAX) {
    for (let i = 0; i < n; i++) {
      const phi = (2 * Math.PI * i) / n;
      x[i] = -Math.sin(phi);
      y[i] = -Math.cos(phi);
    }
    const spacing = (2 * Math.PI) / Math.max(n, 3);
    return { x, y, nodeRadius: Math.min(0.06, 0.38 * spacing), circle: true };
  }
  const pts: { x: number; y: number; a: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt((i + 0.5) / n);
    const px = r * Math.cos(i * GOLDEN_ANGLE), py = r * Math.sin(i * GOLDEN_ANGLE);
    pts.push({ x: px, y: py, a: angleFromTop(px, py) });
  }
  pts.sort((p, q) => p.a - q.a);
  pts.forEach((p, i) => {
    x[i] = p.x;
    y[i] = p.y;
  });
  return { x, y, nodeRadius: 0.36 * Math.sqrt(Math.PI / n), circle: false };
}

/** Unit layout → canvas pixels: centre, radius (leaving room for labels around a circle). */
export interface Placement {
  cx: number;
  cy: number;
  r: number;
  /** Node radius in pixels. */
  nr: number;
}

export function place(layout: Layout, width: number, height: number, labels: boolean): Placement {
  const margin = labels ? 30 : 14;
  const r = Math.max(10, Math.min(width, height) / 2 - margin);
  return { cx: width / 2, cy: height / 2, r, nr: Math.max(1.5, Math.min(11, layout.nodeRadius * r)) };
}

/** The node under (px, py), or null; generous for tiny nodes. */
export function hitNode(layout: Layout, p: Placement, px: number, py: number): number | null {
  const reach = Math.max(p.nr + 3, 7);
  let best = -1, bestD = reach * reach;
  for (let i = 0; i < layout.x.length; i++) {
    const dx = p.cx + layout.x[i] * p.r - px, dy = p.cy + layout.y[i] * p.r - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? null : best;
}
