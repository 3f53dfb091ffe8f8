import { FAST_PUSH_PULL, fastRound, fastRoundEligible } from './fast-round';
import { KIND_EXCHANGE, KIND_EXCHANGE_REPLY, type Protocol } from './protocol';

/**
 * Push-pull (anti-entropy): every live node exchanges state with `fanout` random peers; the
 * peer answers every exchange that reaches it, and each side keeps the higher version of
 * every key.
 */
export const pushPull: Protocol = {
  name: 'push-pull',
  round(input) {
    const { world, net, peers, rng, config } = input;
    if (fastRoundEligible(config, net.messages !== null || peers.handPlayed)) {
      fastRound(input, FAST_PUSH_PULL);
      return;
    }
    const { alive, nodes } = world;
    const picks = peers.picks;
    for (let s = 0; s < nodes; s++) {
      if (alive[s] === 0) continue;
      const payload = world.hasPayload(s);
      const m = peers.sample(s, config.fanout, rng);
      for (let j = 0; j < m; j++) net.send(s, picks[j], KIND_EXCHANGE, payload);
    }
  },
  receive({ world, net }, from, to, kind) {
    if (kind === KIND_EXCHANGE) net.send(to, from, KIND_EXCHANGE_REPLY, world.hasPayload(to));
  },
};
