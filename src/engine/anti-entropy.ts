import { KIND_ANTI_ENTROPY, KIND_ANTI_ENTROPY_REPLY, type RoundInput } from './protocols/protocol';

/**
 * Anti-entropy backup (Demers et al.): every R rounds every live node does a push-pull
 * exchange of its whole state with one random peer, on top of the run's protocol. It is
 * what rescues the residue that rumor mongering leaves behind; a node that learns a newer
 * version this way starts spreading it as a rumor again.
 */
export function antiEntropyRound({ world, net, peers, rng }: RoundInput): void {
  const picks = peers.picks;
  for (let s = 0; s < world.nodes; s++) {
    if (world.alive[s] === 0) continue;
    if (peers.sample(s, 1, rng) === 1) net.send(s, picks[0], KIND_ANTI_ENTROPY, world.hasPayload(s));
  }
}

export function isAntiEntropyKind(kind: number): boolean {
  return kind === KIND_ANTI_ENTROPY || kind === KIND_ANTI_ENTROPY_REPLY;
}

export function receiveAntiEntropy({ world, net }: RoundInput, from: number, to: number, kind: number): void {
  if (kind === KIND_ANTI_ENTROPY) net.send(to, from, KIND_ANTI_ENTROPY_REPLY, world.hasPayload(to));
}
