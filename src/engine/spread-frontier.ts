import { KIND_ANTI_ENTROPY, KIND_EXCHANGE, KIND_PULL_REQUEST } from './protocols/protocol';
import type { InFlight } from './in-flight';
import type { Topology } from './topology';
import type { SimConfig } from './types';
import { MAX_GROUPS, type World } from './world';

/** What the frontier needs to know of a run besides its world and graph. */
export interface FrontierInput {
  world: World;
  topology: Topology;
  config: SimConfig;
  inFlight: InFlight;
  /** A crashed node may still come back (churn recovers nodes, or a recover is scheduled). */
  canRecover: boolean;
}

/**
 * Can the newest version of `key` still reach some node that lacks it? True when a message
 * on its way may still carry it, or when some holder and some lacker are neighbours with a
 * link the protocol can use: open (not blocked) and not certain to lose the message, from the
 * holder to the lacker — and back as well for pull, whose lacker must ask first. Anti-entropy
 * is push-pull, so with it on one direction is enough for every protocol. Crashed nodes count
 * when they may come back (a crashed holder only if it keeps its state). Primary-backup has one
 * sender, the primary (the writer of the newest version), which addresses every node directly:
 * it can still spread while it holds the version (or may come back with it) and some lacker sits
 * behind a usable link from its group.
 *
 * This is the stop rule "nothing more can spread" (a partition that never heals, loss 1, every
 * holder crashed for good): it looks at the state as it is, so it is only final once no action
 * is scheduled any more. O(nodes + edges) per call.
 */
export function canStillSpread({ world: w, topology: t, config, inFlight, canRecover }: FrontierInput, key = 0): boolean {
  const latest = w.latest[key];
  if (latest === 0) return false;
  const K = w.keys;
  const holds = (i: number): boolean => w.cur[i * K + key] === latest;
  const holder = (i: number): boolean => holds(i) && (w.alive[i] === 1 || (canRecover && !config.recoverEmpty));
  const lacker = (i: number): boolean => (!holds(i) || (w.alive[i] === 0 && config.recoverEmpty)) && (w.alive[i] === 1 || canRecover);
  // A message on its way was let through when it was sent: it may carry the version to a
  // lacker, or ask a holder, whose answer will.
  const asks = (kind: number): boolean => kind === KIND_PULL_REQUEST || kind === KIND_EXCHANGE || kind === KIND_ANTI_ENTROPY;
  if (inFlight.size > 0 && inFlight.some((from, to, kind, payload, versions, off) =>
    (payload && versions[off + key] === latest && lacker(to)) || (asks(kind) && holder(to) && lacker(from)))) return true;
  const both = config.protocol === 'pull' && config.antiEntropy === 0;
  const usable = (ga: number, gb: number): boolean => {
    const link = ga * MAX_GROUPS + gb;
    return w.blocked[link] === 0 && w.linkLoss[link] < 1 && w.loss < 1;
  };
  const usableBetween = (ga: number, gb: number): boolean => usable(ga, gb) && (!both || usable(gb, ga));
  if (config.protocol === 'primary-backup') {
    const p = w.codec.writer(latest);
    if (!holder(p)) return false;
    for (let i = 0; i < w.nodes; i++) if (i !== p && lacker(i) && usable(w.group[p], w.group[i])) return true;
    return false;
  }
  if (t.offsets === null) {
    // Whole network, no certain loss: a live holder and a live lacker (the counts say so) are
    // neighbours. Settles the common case without a pass over 10^6 nodes every frame.
    if (!w.partitioned && !w.linkLossy && w.loss < 1 && w.informed[key] > 0 && w.informed[key] < w.liveCount) return true;
    // The complete graph: whether some group with a holder reaches some group with a lacker.
    const hasHolder = new Uint8Array(MAX_GROUPS), hasLacker = new Uint8Array(MAX_GROUPS);
    for (let i = 0; i < w.nodes; i++) {
      if (holder(i)) hasHolder[w.group[i]] = 1;
      else if (lacker(i)) hasLacker[w.group[i]] = 1;
    }
    for (let ga = 0; ga < MAX_GROUPS; ga++) {
      if (!hasHolder[ga]) continue;
      for (let gb = 0; gb < MAX_GROUPS; gb++) if (hasLacker[gb] && usableBetween(ga, gb)) return true;
    }
    return false;
  }
  const { offsets, neighbors } = t;
  for (let u = 0; u < w.nodes; u++) {
    if (!holder(u)) continue;
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = neighbors![e];
      if (lacker(v) && usableBetween(w.group[u], w.group[v])) return true;
    }
  }
  return false;
}
