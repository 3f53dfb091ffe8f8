import type { PeerSampler } from '../peers';
import type { Rng } from '../prng';
import type { RoundNet } from '../round';
import type { SimConfig } from '../types';
import type { World } from '../world';

/** What a protocol sees of one round. */
export interface RoundInput {
  world: World;
  net: RoundNet;
  peers: PeerSampler;
  rng: Rng;
  config: SimConfig;
}

/**
 * One gossip protocol: a function of the start-of-round state that sends this round's
 * messages through `net` (the shape of a d3-force force: small, stateless, stepped by hand).
 */
export interface Protocol {
  readonly name: string;
  round(input: RoundInput): void;
}

/** Message kinds, as indices into MESSAGE_KINDS. */
export const KIND_PUSH = 0;
export const KIND_PULL_REQUEST = 1;
export const KIND_PULL_REPLY = 2;
export const KIND_EXCHANGE = 3;
export const KIND_EXCHANGE_REPLY = 4;
