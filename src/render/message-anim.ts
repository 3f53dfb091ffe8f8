import { OUTCOME_DELIVERED } from '../engine/types';

/**
 * Where one message is, `p` (0–1) into the round's animation. A request and its reply share a
 * round: requests fly in the first half, replies in the second, pushes take the whole round.
 * A dropped message flies half way, stops, and its × fades out: loss is seen, not inferred.
 */
export interface MessagePose {
  visible: boolean;
  /** Fraction of the way from sender to receiver. */
  t: number;
  /** 0–1 opacity. */
  alpha: number;
  /** Stopped half way, drawn as an ×. */
  broken: boolean;
}

const KIND_PUSH = 0;
const KIND_PULL_REPLY = 2;
const KIND_EXCHANGE_REPLY = 4;

export function messageWindow(kind: number): [number, number] {
  if (kind === KIND_PUSH) return [0, 1];
  if (kind === KIND_PULL_REPLY || kind === KIND_EXCHANGE_REPLY) return [0.5, 1];
  return [0, 0.5];
}

export function messagePose(kind: number, outcome: number, p: number, out: MessagePose): MessagePose {
  const [start, end] = messageWindow(kind);
  if (p < start || p >= 1) {
    out.visible = false;
    return out;
  }
  const local = Math.min(1, (p - start) / (end - start));
  out.visible = true;
  if (outcome === OUTCOME_DELIVERED) {
    out.t = local;
    out.alpha = 1;
    out.broken = false;
    if (local >= 1) out.visible = false;
    return out;
  }
  out.t = Math.min(local, 0.5);
  out.broken = local >= 0.5;
  // The × stays fully visible for a moment, then fades until the round ends.
  out.alpha = out.broken ? Math.max(0, 1 - Math.max(0, (p - start) / (1 - start) - 0.6) / 0.4) : 1;
  if (out.alpha <= 0) out.visible = false;
  return out;
}
