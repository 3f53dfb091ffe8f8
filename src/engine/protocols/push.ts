import { fastPushEligible, fastPushRound } from './fast-push';
import { KIND_PUSH, type Protocol } from './protocol';

/** Push: every live node that knows something sends it to `fanout` random peers. */
export const push: Protocol = {
  name: 'push',
  round(input) {
    const { world, net, peers, rng, config } = input;
    if (fastPushEligible(config, world, net.messages !== null)) {
      fastPushRound(input);
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
