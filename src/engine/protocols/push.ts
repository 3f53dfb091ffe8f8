import { FAST_PUSH, fastRound, fastRoundEligible } from './fast-round';
import { KIND_PUSH, type Protocol } from './protocol';

/** Push: every live node that knows something sends it to `fanout` random peers. */
export const push: Protocol = {
  name: 'push',
  round(input) {
    const { world, net, peers, rng, config } = input;
    if (fastRoundEligible(config, net.messages !== null || peers.handPlayed)) {
      fastRound(input, FAST_PUSH);
      return;
    }
    const { alive, nodes } = world;
    const picks = peers.picks;
    for (let s = 0; s < nodes; s++) {
      if (alive[s] === 0 || !world.hasPayload(s)) continue;
      const m = peers.sample(s, config.fanout, rng);
      for (let j = 0; j < m; j++) net.send(s, picks[j], KIND_PUSH, true);
    }
  },
};
