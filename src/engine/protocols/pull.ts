import { KIND_PULL_REPLY, KIND_PULL_REQUEST, type Protocol } from './protocol';

/**
 * Pull: every live node asks `fanout` random peers; a peer that holds something newer than the
 * asker (as of the start of the round) answers with it. Every node asks, informed or not,
 * because no node can know that nothing newer exists.
 */
export const pull: Protocol = {
  name: 'pull',
  round({ world, net, peers, rng, config }) {
    const { alive, nodes } = world;
    const picks = peers.picks;
    for (let s = 0; s < nodes; s++) {
      if (alive[s] === 0) continue;
      // Every node asks: none can know that nothing newer exists.
      const m = peers.sample(s, config.fanout, rng);
      for (let j = 0; j < m; j++) {
        const t = picks[j];
        if (net.send(s, t, KIND_PULL_REQUEST, false) && world.hasNewerThan(t, s)) {
          net.send(t, s, KIND_PULL_REPLY, true);
        }
      }
    }
  },
};
