import { OUTCOME_DELIVERED, type MessageBatch } from '../engine/types';
import type { InFlightBatch } from '../view/frame-source';

/**
 * The messages on screen: this round's batch plus those still in flight from earlier rounds
 * (with a delay of d rounds a message is recorded once, when sent, and flies across d frames).
 * `t0` is the send round relative to the current one (≤ 0) and `len` the flight in rounds, so
 * `(p − t0) / len` is how far along a message is, `p` (0–1) into the current round.
 */
export interface Flights extends Pick<MessageBatch, 'count' | 'from' | 'to' | 'kind' | 'outcome' | 'useful'> {
  round: number;
  /** 1 when the sender knew something when it sent, i.e. the message carries an update. */
  payload: Uint8Array;
  t0: Int32Array;
  len: Uint32Array;
}

/** More than this many flying dots is noise, not information (and costs frame time). */
export const MAX_FLIGHTS = 20000;

/** Room for `cap` messages, none yet. */
function flightsOf(round: number, cap: number): Flights {
  return { round, count: 0, from: new Uint32Array(cap), to: new Uint32Array(cap), kind: new Uint8Array(cap), outcome: new Uint8Array(cap), useful: new Uint8Array(cap), payload: new Uint8Array(cap), t0: new Int32Array(cap), len: new Uint32Array(cap) };
}

export const emptyFlights = (round = 0): Flights => flightsOf(round, 0);

/** `senderKnew[node]` = 1 if the node held any version at the start of `round`. */
export function nextFlights(prev: Flights, batch: MessageBatch | null, round: number, senderKnew: Uint8Array): Flights {
  const cap = Math.min(MAX_FLIGHTS, prev.count + (batch?.count ?? 0));
  const f = flightsOf(round, cap);
  // Records of delayed messages that died on arrival this round replace their carried copy.
  const diedOnArrival = new Set<string>();
  if (batch) {
    for (let i = 0; i < batch.count; i++) {
      if (batch.sentRound[i] < round) diedOnArrival.add(`${batch.from[i]}>${batch.to[i]}@${batch.sentRound[i]}/${batch.kind[i]}`);
    }
  }
  const add = (from: number, to: number, kind: number, outcome: number, useful: number, payload: number, sent: number, deliver: number) => {
    if (f.count >= cap) return;
    const c = f.count++;
    f.from[c] = from;
    f.to[c] = to;
    f.kind[c] = kind;
    f.outcome[c] = outcome;
    f.useful[c] = useful;
    f.payload[c] = payload;
    f.t0[c] = sent - round;
    f.len[c] = Math.max(1, deliver - sent + 1);
  };
  if (round > prev.round) {
    for (let i = 0; i < prev.count; i++) {
      const sent = prev.round + prev.t0[i];
      const deliver = sent + prev.len[i] - 1;
      if (prev.outcome[i] !== OUTCOME_DELIVERED || deliver < round) continue;
      if (diedOnArrival.has(`${prev.from[i]}>${prev.to[i]}@${sent}/${prev.kind[i]}`)) continue;
      add(prev.from[i], prev.to[i], prev.kind[i], prev.outcome[i], prev.useful[i], prev.payload[i], sent, deliver);
    }
  }
  if (batch) {
    for (let i = 0; i < batch.count; i++) {
      add(batch.from[i], batch.to[i], batch.kind[i], batch.outcome[i], batch.useful[i], senderKnew[batch.from[i]] ?? 1, batch.sentRound[i], batch.deliverRound[i]);
    }
  }
  return f;
}

/** True when some message is still on its way after this round (the picture keeps moving). */
export function hasLongFlights(f: Flights): boolean {
  for (let i = 0; i < f.count; i++) if (f.t0[i] + f.len[i] > 1) return true;
  return false;
}

/**
 * The flights of messages still on their way, rebuilt from the worker's in-flight list when a
 * frame does not follow the one drawn (a replayed timeline, a jump): each is placed where it
 * is at the end of `round`. `knew[node]` = 1 when the sender held any version.
 */
export function flightsFromInFlight(batch: InFlightBatch | null | undefined, round: number, knew: Uint8Array): Flights {
  if (!batch || batch.count === 0) return emptyFlights(round);
  const n = Math.min(MAX_FLIGHTS, batch.count);
  const f = flightsOf(round, n);
  f.count = n;
  f.from.set(batch.from.subarray(0, n));
  f.to.set(batch.to.subarray(0, n));
  f.kind.set(batch.kind.subarray(0, n));
  f.outcome.fill(OUTCOME_DELIVERED);
  for (let i = 0; i < n; i++) {
    f.payload[i] = knew[batch.from[i]] ?? 1;
    f.t0[i] = batch.sentRound[i] - round;
    f.len[i] = Math.max(1, batch.deliverRound[i] - batch.sentRound[i] + 1);
  }
  return f;
}
