import type { NodeStyle } from '../view/frame-source';
import type { PackedLooks } from './model-looks';
import { drawCross, drawStamp, type PixelBuffer, type StampCache } from './pixel-buffer';
import type { Scene } from './scene';

/** Dashes of the ring a model puts around a node (membership: suspected by someone). */
const RING_DASHES = 6;

/** Draws node `i` at pixel (x, y). */
export type StyledNodeDraw = (buf: PixelBuffer, i: number, x: number, y: number) => void;

/**
 * Nodes coloured by a model's own style indices instead of by version (membership: how many
 * observers are wrong about a node). Same shapes as dissemination — a disc when up, hollow with
 * a cross when crashed — so a node reads the same way in both modes; what differs is the colour
 * index, an edge that keeps pale fills visible, and a dashed ring layer. The stamps are looked
 * up once per frame; the returned function is called per visible node.
 */
export function styledNodes(scene: Scene, style: NodeStyle, looks: PackedLooks, dpr: number, stamps: StampCache): StyledNodeDraw {
  const { alive, colors } = scene;
  const { fill, ring } = style;
  const r = scene.nodeRadius * dpr;
  const big = r >= 2.5 * dpr;
  const disc = stamps.get(r, Infinity, !big);
  // Inside a 1-px edge: yellow on white (or blue on slate) needs an outline to be seen.
  const inner = big ? stamps.get(r - dpr) : null;
  const halo = r >= 2 * dpr ? stamps.get(r + 1.25 * dpr, 1.25 * dpr) : null;
  const hollow = stamps.get(Math.max(0, r - 1));
  const crashW = Math.max(1, r * 0.25);
  const crashRing = stamps.get(r, crashW);
  const crashEdge = stamps.get(r + 0.75 * dpr, crashW + 1.5 * dpr);
  // Clear of the disc's halo and wide enough to read as dashed at a glance.
  const dashed = stamps.get(r + Math.max(4 * dpr, r * 0.5), (big ? 2.5 : 1.5) * dpr, false, RING_DASHES);
  return (buf, i, x, y) => {
    if (ring[i] > 0) drawStamp(buf, x, y, dashed, looks.ring[ring[i]] ?? colors.crashed);
    const f = fill[i];
    if (alive && alive[i] === 0) {
      const c = looks.crashed[f] ?? colors.crashed;
      if (!big) {
        drawCross(buf, x, y, r + dpr, c, 255, true);
        return;
      }
      drawStamp(buf, x, y, hollow, colors.background);
      // A coloured outline gets the ink edge under it, as a live disc does.
      if (f > 0) drawStamp(buf, x, y, crashEdge, looks.outline);
      drawStamp(buf, x, y, crashRing, c);
      drawCross(buf, x, y, r * 0.55, c, 255, f > 0);
      return;
    }
    if (halo) drawStamp(buf, x, y, halo, colors.background);
    const c = looks.fill[f] ?? colors.none;
    if (inner) {
      drawStamp(buf, x, y, disc, looks.outline);
      drawStamp(buf, x, y, inner, c);
    } else drawStamp(buf, x, y, disc, c);
  };
}
