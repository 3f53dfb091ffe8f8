import type { RoundMetrics } from '../engine/types';
import type { MembershipMessageBatch } from '../engine/membership';
import type { MembershipFrame } from '../worker/protocol';
import type { GraphSpec, NodeFrame } from '../view/frame-source';
import { MEMBERSHIP_LOOKS, RING_SUSPECT, wrongBucket } from '../view/membership-style';
import { i18next } from '../i18n';

/**
 * Membership frames as the shared renderer draws them. The renderer knows nothing of
 * observers and beliefs: this adapter turns "how many live nodes are wrong about a node" into
 * style indices into MEMBERSHIP_LOOKS, the round's membership messages into the batch the
 * renderer animates, and the cluster into words (the canvas's aria-description). Pure: frames
 * in, frames out.
 */

/** Up to this many nodes sit on one circle, where a probe's chords stay readable; more fill a disc. */
export const CIRCLE_MAX = 200;

/**
 * Any node may message any other, so no links are drawn. A circle ('ring' layout without
 * links) up to CIRCLE_MAX nodes, the sunflower disc ('complete') above, its ids by angle: the
 * halves the page splits by id (membershipHalves) are the right and the left of either.
 */
export function membershipGraphSpec(id: number, nodes: number): GraphSpec {
  const circle = nodes <= CIRCLE_MAX;
  // On the circle (1.5 spacings of arc per node) discs half again as big still leave a gap.
  return { id, nodes, topology: circle ? 'ring' : 'complete', offsets: null, neighbors: null, nodeScale: circle ? 1.5 : 1, labelsOutward: circle, idsByAngle: true };
}

const NO_VERSIONS = new Uint32Array(0);
const NO_KEYS: number[] = [];
/** The renderer reads no dissemination metrics; the contract wants a value. */
const NO_METRICS: RoundMetrics = {
  round: 0, live: 0, sent: 0, delivered: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0, redundant: 0,
  traffic: 0, informed: NO_KEYS, newlyInformed: NO_KEYS, inFlight: 0, infective: NO_KEYS, removed: NO_KEYS, crashes: 0, recoveries: 0,
  busiestSent: null, busiestSentTotal: null,
};

export function membershipNodeFrame(frame: MembershipFrame, graphId: number): NodeFrame {
  const n = frame.alive.length;
  let live = 0;
  for (let i = 0; i < n; i++) live += frame.alive[i];
  const fill = new Uint8Array(n), ring = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // A live node's observers are the other live nodes; a crashed node's are all live nodes.
    fill[i] = frame.alive[i] === 1 ? wrongBucket(frame.wronglyDead[i], live - 1) : wrongBucket(frame.wronglyAlive[i], live);
    ring[i] = frame.suspected[i] > 0 ? RING_SUSPECT : 0;
  }
  return {
    graphId,
    round: frame.round,
    keys: 0,
    versions: NO_VERSIONS,
    latest: NO_VERSIONS,
    alive: frame.alive,
    group: frame.group,
    messages: frame.messages ? membershipMessages(frame.messages, frame.round) : null,
    metrics: NO_METRICS,
    rumor: null,
    inFlight: null,
    links: null,
    style: { fill, ring },
    looks: MEMBERSHIP_LOOKS,
    summary: describeMembership(frame, live),
  };
}

/**
 * The round's membership messages as the renderer's and the space-time diagram's batch: kinds
 * index MEMBERSHIP_LOOKS' table, every message lands within its round, and `useful` marks one
 * carrying updates.
 */
export function membershipMessages(m: MembershipMessageBatch, round: number): NonNullable<NodeFrame['messages']> {
  const useful = new Uint8Array(m.count);
  for (let i = 0; i < m.count; i++) useful[i] = m.updates[i] > 0 ? 1 : 0;
  const rounds = new Uint32Array(m.count).fill(round);
  return { count: m.count, from: m.from, to: m.to, kind: m.kind, outcome: m.outcome, useful, sentRound: rounds, deliverRound: rounds };
}

/** One or two sentences on what is wrong in the cluster right now (the canvas's aria-description). */
function describeMembership(f: MembershipFrame, live: number): string {
  const n = f.alive.length;
  let wrongDead = 0, wrongAlive = 0, suspected = 0;
  for (let i = 0; i < n; i++) {
    if (f.wronglyDead[i] > 0) wrongDead++;
    if (f.wronglyAlive[i] > 0) wrongAlive++;
    if (f.suspected[i] > 0 && f.alive[i] === 1) suspected++;
  }
  const t = i18next.t;
  const counts = { round: f.round, nodes: t('membership:summary.nodes', { count: n }), crashed: t('membership:summary.crashedNodes', { count: n - live }) };
  const parts = [t(f.partitioned ? 'membership:summary.headSplit' : 'membership:summary.head', counts)];
  parts.push(t('membership:summary.wrong', {
    dead: t('membership:summary.liveNodes', { count: wrongDead }),
    alive: t('membership:summary.crashedNodes', { count: wrongAlive }),
    suspected: t('membership:summary.liveNodes', { count: suspected }),
  }));
  return parts.join(' ');
}
