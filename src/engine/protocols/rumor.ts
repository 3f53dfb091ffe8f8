import { INFECTIVE, REMOVED } from '../rumor-state';
import { KIND_RUMOR, type Protocol } from './protocol';

/**
 * Rumor mongering (Demers et al., "Epidemic Algorithms for Replicated Database Maintenance",
 * 1987): an infective node pushes the keys it is infective for to `fanout` random peers each
 * round until it loses interest, by one of four rules with parameter k:
 * - blind-counter: removed after k pushes; blind-coin: removed with probability 1/k per push
 *   (both decided when sending: no feedback needed);
 * - feedback-counter: removed after k unnecessary contacts in a row (a necessary one resets
 *   the count); feedback-coin: removed with probability 1/k per unnecessary contact. "Unnecessary"
 *   means the recipient already held that version at the start of the round it received it in.
 *   A lost message brings no feedback, so it changes nothing.
 */
export const rumor: Protocol = {
  name: 'rumor',
  rumor: true,
  round({ world, net, peers, rng, config, round, rumor: st }) {
    if (!st) return;
    const { alive, nodes, keys } = world;
    const picks = peers.picks;
    const blind = config.interest === 'blind-counter' || config.interest === 'blind-coin';
    for (let s = 0; s < nodes; s++) {
      if (alive[s] === 0) continue;
      const mask = st.spreadingMask(s, round);
      if (mask === 0) continue;
      const m = peers.sample(s, config.fanout, rng);
      for (let j = 0; j < m; j++) {
        net.send(s, picks[j], KIND_RUMOR, true, mask);
        if (!blind) continue;
        for (let k = 0; k < keys; k++) {
          const i = s * keys + k;
          if ((mask & (1 << k)) === 0 || st.status[i] !== INFECTIVE) continue;
          if (config.interest === 'blind-counter') {
            if (++st.count[i] >= config.k) st.status[i] = REMOVED;
          } else if (rng.chance(1 / config.k)) st.status[i] = REMOVED;
        }
      }
    }
  },
  receive({ world, rng, config, rumor: st }, from, to, kind, src, off) {
    if (kind !== KIND_RUMOR || !st || config.interest === 'blind-counter' || config.interest === 'blind-coin') return;
    const K = world.keys;
    for (let k = 0; k < K; k++) {
      const i = from * K + k;
      if (st.status[i] !== INFECTIVE) continue;
      const carried = src[off + k];
      if (carried === 0) continue;
      const unnecessary = world.cur[to * K + k] >= carried;
      if (config.interest === 'feedback-counter') {
        if (!unnecessary) st.count[i] = 0;
        else if (++st.count[i] >= config.k) st.status[i] = REMOVED;
      } else if (unnecessary && rng.chance(1 / config.k)) st.status[i] = REMOVED;
    }
  },
};
