import type { PeerSampler } from '../peers';
import type { Rng } from '../prng';
import type { RoundNet } from '../round';
import type { PrimaryBackupState } from '../primary-backup-state';
import type { RumorState } from '../rumor-state';
import type { SimConfig } from '../types';
import type { World } from '../world';

/** What a protocol sees of a run. */
export interface RoundInput {
  world: World;
  net: RoundNet;
  peers: PeerSampler;
  rng: Rng;
  config: SimConfig;
  /** The round being run (1, 2, …). */
  round: number;
  /** Rumor-mongering state, for the protocols that keep it. */
  rumor: RumorState | null;
  /** Primary-backup state (protocol `primary-backup` only). */
  primary: PrimaryBackupState | null;
}

/**
 * One gossip protocol (the shape of a d3-force force: small, stepped by hand). `round` sends
 * this round's messages from the start-of-round state; `receive`, called for each message of
 * the protocol that reaches a live node (now, or rounds later under delay), answers it.
 */
export interface Protocol {
  readonly name: string;
  /** Whether the run keeps rumor-mongering state for this protocol. */
  readonly rumor?: boolean;
  round(input: RoundInput): void;
  /** `mask`: the keys the message carries (its payload's, or those an ack answers for). */
  receive?(input: RoundInput, from: number, to: number, kind: number, src: Uint32Array, off: number, mask: number): void;
}

/** Message kinds, as indices into MESSAGE_KINDS. */
export const KIND_PUSH = 0;
export const KIND_PULL_REQUEST = 1;
export const KIND_PULL_REPLY = 2;
export const KIND_EXCHANGE = 3;
export const KIND_EXCHANGE_REPLY = 4;
export const KIND_RUMOR = 5;
export const KIND_ANTI_ENTROPY = 6;
export const KIND_ANTI_ENTROPY_REPLY = 7;
/** Primary-backup: the primary's update to one replica, and the replica's acknowledgement. */
export const KIND_PB_UPDATE = 8;
export const KIND_PB_ACK = 9;
