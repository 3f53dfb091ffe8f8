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
 * Every message of the log as a segment: from its sender's lane at the start of the round it
 * was sent in to its receiver's lane at the end of the round it arrived in. A dropped message
 * stops half way (the diagram ends it with a cross).
 */
export function drawnMessages(g: SpaceTimeGeometry, log: readonly (MessageBatch | undefined)[], last: number): DrawnMessage[] {
  const out: DrawnMessage[] = [];
  for (let round = 1; round <= last; round++) {
    const b = log[round];
    if (!b) continue;
    for (let i = 0; i < b.count; i++) {
      const from = b.from[i], to = b.to[i];
      const delivered = b.outcome[i] === OUTCOME_DELIVERED;
      const fate: MessageFate = !delivered ? 'dropped' : b.useful[i] === 1 ? 'useful' : 'redundant';
      const x1 = roundX(g, b.sentRound[i]) + 4, y1 = laneY(g, from);
      let x2 = roundX(g, Math.min(b.deliverRound[i], last)) + g.roundW - 4, y2 = laneY(g, to);
      if (!delivered) {
        x2 = (x1 + x2) / 2;
        y2 = (y1 + y2) / 2;
      }
      out.push({ round, index: i, from, to, fate, x1, y1, x2, y2 });
    }
  }
  return out;
}
