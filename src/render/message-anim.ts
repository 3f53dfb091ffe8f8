import { OUTCOME_DELIVERED } from '../engine/types';

/**
 * Where one message is. `f` is the fraction of its flight elapsed (see flights.ts). A request
 * and its reply share one round: requests fly in the first half, replies in the second, pushes
 * take the whole round. A dropped message flies part way, stops, and its × fades out: loss is
 * seen, not inferred.
 */
export interface MessagePose {
  visible: boolean;
  /** Fraction of the way from sender to receiver. */
  t: number;
  /** 0–1 opacity. */
  alpha: number;
  /** Stopped, drawn as an ×. */
  broken: boolean;
}

const KIND_PUSH = 0;
const KIND_PULL_REPLY = 2;
const KIND_EXCHANGE_REPLY = 4;
/** Primary-backup's ack answers the update, as a reply does. */
const KIND_PB_ACK = 9;

const WHOLE = [0, 1] as const, SECOND_HALF = [0.5, 1] as const, FIRST_HALF = [0, 0.5] as const;

/** The part of a one-round flight a message of this kind uses (shared tuples: called per message per frame). */
export function messageWindow(kind: number): readonly [number, number] {
  if (kind === KIND_PUSH) return WHOLE;
  if (kind === KIND_PULL_REPLY || kind === KIND_EXCHANGE_REPLY || kind === KIND_PB_ACK) return SECOND_HALF;
  return FIRST_HALF;
}

export function messagePose(kind: number, outcome: number, f: number, len: number, out: MessagePose): MessagePose {
  const [start, end] = messageWindow(kind);
  return messagePoseIn(start, end, outcome, f, len, out);
}

/**
 * The pose of a message that flies in [start, end) of a one-round flight (a model's own kinds
 * bring their windows, see ModelLooks); a delayed one uses its whole flight.
 */
export function messagePoseIn(windowStart: number, windowEnd: number, outcome: number, f: number, len: number, out: MessagePose): MessagePose {
  const start = len > 1 ? 0 : windowStart, end = len > 1 ? 1 : windowEnd;
  if (f < start || f >= 1) {
    out.visible = false;
    return out;
  }
  const local = Math.min(1, (f - start) / (end - start));
  out.visible = true;
  if (outcome === OUTCOME_DELIVERED) {
    out.t = local;
    out.alpha = 1;
    out.broken = false;
    if (local >= 1) out.visible = false;
    return out;
  }
  // Dropped on sending (a one-round flight) stops half way; a delayed one that finds its
  // receiver dead stops just short of it.
  const stop = len > 1 ? 1 - 0.5 / len : 0.5;
  out.t = Math.min(local, stop);
  out.broken = local >= stop;
  const fStop = start + stop * (end - start);
  const fade = (f - fStop) / (1 - fStop);
  out.alpha = out.broken ? Math.max(0, 1 - Math.max(0, fade - 0.4) / 0.6) : 1;
  if (out.alpha <= 0) out.visible = false;
  return out;
}
