import { FAST_PULL, fastRound, fastRoundEligible } from './fast-round';
import { KIND_PULL_REPLY, KIND_PULL_REQUEST, type Protocol } from './protocol';

/**
 * Pull: every live node asks `fanout` random peers; a peer that holds something newer than the
 * asker's digest answers with it. Every node asks, informed or not, because no node can know
 * that nothing newer exists.
 */
export const pull: Protocol = {
  name: 'pull',
  round(input) {
    const { world, net, peers, rng, config } = input;
    if (fastRoundEligible(config, net.messages !== null || peers.handPlayed)) {
      fastRound(input, FAST_PULL);
      return;
    }
    const { alive, nodes } = world;
    const picks = peers.picks;
    for (let s = 0; s < nodes; s++) {
      if (alive[s] === 0) continue;
      const m = peers.sample(s, config.fanout, rng);
      for (let j = 0; j < m; j++) net.send(s, picks[j], KIND_PULL_REQUEST, false);
    }
  },
  receive({ world, net }, from, to, kind, src, off) {
    if (kind === KIND_PULL_REQUEST && net.newerThan(to, src, off, from)) {
      net.send(to, from, KIND_PULL_REPLY, world.hasPayload(to));
    }
  },
};
