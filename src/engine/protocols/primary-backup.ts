import { retryTimeout } from '../primary-backup-state';
import { KIND_PB_ACK, KIND_PB_UPDATE, type Protocol } from './protocol';

/**
 * Primary-backup replication, the baseline gossip is compared with: the primary (the node that
 * wrote the newest version of a key) sends the update itself to the replicas that have not
 * acknowledged it, at most `fanout` (b) of them per round and key, in its fixed order (the ids
 * after its own, wrapping around — no random choice); the other nodes never forward. A replica
 * answers every update with an ack. An update without an ack within the round trip
 * (`retryTimeout`: the next round without delay) is sent again when the order reaches it, and
 * retries come first because they stand earlier in the order; a lost ack therefore costs a
 * retransmission that arrives redundant. The primary does not know who is crashed or cut off:
 * it keeps retrying them, and those messages are dropped and counted. A crashed primary sends
 * nothing, so the spread stops where it was (and goes on if it recovers with its state).
 * Messages do not follow the topology: a primary addresses each replica directly.
 */
export const primaryBackup: Protocol = {
  name: 'primary-backup',
  round({ world: w, net, config, round, primary: pb }) {
    if (!pb) return;
    const n = w.nodes, K = w.keys;
    const timeout = retryTimeout(config.delay);
    for (let k = 0; k < K; k++) {
      pb.follow(w, k);
      const p = pb.primary[k];
      // A crashed primary sends nothing; one restarted empty no longer holds what it replicates.
      if (p < 0 || w.alive[p] === 0 || w.cur[p * K + k] !== pb.version[k]) continue;
      let budget = config.fanout;
      let prefix = true;
      for (let off = pb.cursor[k]; off < n && budget > 0; off++) {
        const i = (p + off) % n;
        const at = i * K + k;
        if (pb.acked[at] === 1) {
          if (prefix) pb.cursor[k] = off + 1;
          continue;
        }
        prefix = false;
        if (pb.retryAt[at] > round) continue; // sent, its ack may still come
        pb.retryAt[at] = round + timeout;
        budget--;
        net.send(p, i, KIND_PB_UPDATE, true, 1 << k);
      }
    }
  },
  receive({ world: w, net, primary: pb }, from, to, kind, _src, _off, mask) {
    if (!pb) return;
    const K = w.keys;
    if (kind === KIND_PB_UPDATE) {
      // The replica `to` now holds (at least) the carried version: its ack says which it holds.
      for (let k = 0; k < K; k++) if (mask & (1 << k)) pb.ackFor[to * K + k] = Math.max(pb.ackFor[to * K + k], w.next[to * K + k]);
      net.send(to, from, KIND_PB_ACK, false, mask);
    } else if (kind === KIND_PB_ACK) {
      for (let k = 0; k < K; k++) {
        if ((mask & (1 << k)) === 0 || pb.primary[k] !== to) continue;
        if (pb.ackFor[from * K + k] >= pb.version[k]) pb.acked[from * K + k] = 1;
      }
    }
  },
};
