import type { MembershipConfig } from '../../engine/membership';
import type { LoggedAction } from '../../engine/types';
import type { CompareVariant } from '../../worker/protocol';

/**
 * The membership presets: each is data — a configuration, a timeline of actions at rounds
 * (round r's actions apply after round r), and a two-line caption saying what to watch.
 * catalog.test.ts runs each in the engine and checks what its caption claims.
 */
export interface MembershipPreset {
  id: string;
  /** The button's name. */
  title: string;
  caption: readonly [string, string];
  config: MembershipConfig;
  schedule: LoggedAction[];
  /** Rounds per second to play it at. */
  speed: number;
  /** Playing pauses after this round: the story is told by then. */
  pauseAt: number;
  /** The node whose table the inspector shows. */
  select: number | null;
  /** The same scenario run once per variant and drawn side by side (wrongly dead pairs per round). */
  compare?: { rounds: number; variants: CompareVariant[] };
}

/**
 * The two halves of the cluster as the page draws it: ids run counter-clockwise from the top,
 * so the first half is the left of the circle and the second the right.
 */
export function membershipHalves(nodes: number): [number[], number[]] {
  const k = Math.ceil(nodes / 2);
  return [Array.from({ length: k }, (_, i) => i), Array.from({ length: nodes - k }, (_, i) => k + i)];
}

/** Serf's default ReconnectInterval, in rounds of one ProbeInterval. */
export const SERF_RECONNECT_ROUNDS = 30;

const crash = (round: number, node: number): LoggedAction => ({ round, action: { type: 'crash', node } });

const SPLIT_NODES = 40;

export const MEMBERSHIP_PRESETS: readonly MembershipPreset[] = [
  {
    id: 'swim-crash',
    title: 'Detecting a crash (SWIM)',
    caption: [
      'SWIM as memberlist runs it: each round every node pings one member and waits for its ack. Node 12 crashes after round 3; the next ping to it fails, three ping-reqs fail too, and the prober marks it suspect.',
      'The suspicion rides on pings and acks to everyone within a round or two; 7 rounds later (Suspicion mult 4 × log10 50) each node declares it dead. The cross turns from vermillion to black as the cluster learns.',
    ],
    config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0 },
    schedule: [crash(3, 12)],
    speed: 2,
    pauseAt: 20,
    select: 0,
  },
  {
    id: 'heartbeat-crash',
    title: 'Heartbeats spread (Cassandra-style)',
    caption: [
      'Every round each node bumps its own heartbeat and gossips with a random peer: SYN (digests), ACK (newer states and requests), ACK2. Node 0\'s table shows every heartbeat advancing.',
      'Node 12 crashes after round 10 and its heartbeat stops. The first node marks it down exactly T fail = 10 rounds later, the rest a few rounds after (the last heartbeat reached them later); T cleanup = 20 rounds after its last heartbeat, each forgets it.',
    ],
    config: { protocol: 'heartbeat', nodes: 50, seed: 1, loss: 0 },
    schedule: [crash(10, 12)],
    speed: 2,
    pauseAt: 36,
    select: 0,
  },
  {
    id: 'swim-loss',
    title: 'False positives on a lossy network',
    caption: [
      'No node crashes, but 20 % of all UDP messages are lost. A ping or its ack goes missing, the three indirect probes fail too, and a healthy node is suspected: several times a round.',
      'Almost every suspicion is refuted (the node raises its incarnation), yet now and then an observer misses the refutation and declares a live node dead — a false positive. Try Suspicion mult 6: fewer, never none.',
    ],
    config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0.2 },
    schedule: [],
    speed: 4,
    pauseAt: 120,
    select: null,
  },
  {
    id: 'split-brain',
    title: 'Split brain and rejoin',
    caption: [
      'After round 5 the network splits the cluster in halves; the first cross-half deaths come ~8 rounds later, and within about 20 rounds each half holds the whole other half dead. After round 60 the network heals.',
      'Nothing crosses the healed link: dead members are not probed, and push/pull only picks live ones, so the halves stay apart. Tick Reconnect (Serf) and press Reset: a node now and then retries a failed member, and the halves merge.',
    ],
    config: { protocol: 'swim', nodes: SPLIT_NODES, seed: 1, loss: 0 },
    schedule: [
      { round: 5, action: { type: 'partition', groups: membershipHalves(SPLIT_NODES) } },
      { round: 60, action: { type: 'heal' } },
    ],
    speed: 8,
    pauseAt: 120,
    select: null,
    compare: {
      rounds: 120,
      variants: [
        { label: 'Reconnect off (memberlist)', swim: { reconnectInterval: 0 } },
        { label: `Reconnect every ${SERF_RECONNECT_ROUNDS} rounds (Serf)`, swim: { reconnectInterval: SERF_RECONNECT_ROUNDS } },
      ],
    },
  },
];

export function membershipPresetById(id: string): MembershipPreset | undefined {
  return MEMBERSHIP_PRESETS.find((p) => p.id === id);
}
