import { OUTCOME_DELIVERED, type MessageBatch } from '../../engine/types';
import type { MessageFate } from '../../view/trace-highlight';

/** Geometry of the space-time diagram: a lane per node (rows), a column per round. */
export interface SpaceTimeGeometry {
  gutter: number;
  header: number;
  laneH: number;
  roundW: number;
  width: number;
  height: number;
}

export function spaceTimeGeometry(nodes: number, last: number): SpaceTimeGeometry {
  const laneH = nodes <= 12 ? 26 : nodes <= 24 ? 18 : 12;
  const roundW = 30, gutter = 30, header = 22;
  return { gutter, header, laneH, roundW, width: gutter + Math.max(1, last) * roundW + 8, height: header + nodes * laneH + 6 };
}

export const laneY = (g: SpaceTimeGeometry, node: number): number => g.header + node * g.laneH + g.laneH / 2;
/** Left edge of round r's column (r ≥ 1). */
export const roundX = (g: SpaceTimeGeometry, round: number): number => g.gutter + (round - 1) * g.roundW;

export interface DrawnMessage {
  round: number;
  index: number;
  from: number;
  to: number;
  fate: MessageFate;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * One round's messages as segments: from the sender's lane at the start of the round a message
 * was sent in to the receiver's lane at the end of the round it arrived in, or at `reach`
 * (the newest round) while it is still on its way. A dropped message stops half way (the
 * diagram ends it with a cross).
 */
export function roundMessages(g: SpaceTimeGeometry, b: MessageBatch, round: number, reach: number): DrawnMessage[] {
  const out: DrawnMessage[] = [];
  for (let i = 0; i < b.count; i++) {
    const from = b.from[i], to = b.to[i];
    const delivered = b.outcome[i] === OUTCOME_DELIVERED;
    const fate: MessageFate = !delivered ? 'dropped' : b.useful[i] === 1 ? 'useful' : 'redundant';
    const x1 = roundX(g, b.sentRound[i]) + 4, y1 = laneY(g, from);
    let x2 = roundX(g, Math.min(b.deliverRound[i], reach)) + g.roundW - 4, y2 = laneY(g, to);
    if (!delivered) {
      x2 = (x1 + x2) / 2;
      y2 = (y1 + y2) / 2;
    }
    out.push({ round, index: i, from, to, fate, x1, y1, x2, y2 });
  }
  return out;
}

const lastDelivery = new WeakMap<MessageBatch, number>();

/**
 * The column a round's segments end in while the run's newest round is `last`: its latest
 * delivery, cut at `last`. Once every message has landed this stops changing, so a round
 * already drawn is not drawn again as the run moves on.
 */
export function roundReach(b: MessageBatch, last: number): number {
  let latest = lastDelivery.get(b);
  if (latest === undefined) {
    latest = 0;
    for (let i = 0; i < b.count; i++) latest = Math.max(latest, b.deliverRound[i]);
    lastDelivery.set(b, latest);
  }
  return Math.min(latest, last);
}
