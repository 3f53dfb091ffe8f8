import { MEMBERSHIP_MESSAGE_KINDS } from '../engine/membership';
import { okabeIto, palette } from '../theme/palette';
import type { ModelLooks, NodeLooks } from './frame-source';
import { i18next } from '../i18n';

/**
 * Colours and line styles of the membership views, shared by the renderer (as MEMBERSHIP_LOOKS),
 * the matrix and the legends so they always agree. Okabe–Ito colours (palette.ts); every distinction that matters
 * also differs in shape or dash, not in hue alone.
 */

export type Theme = 'light' | 'dark';

/**
 * How wrong the cluster is about a node: the share of live observers that hold a live node
 * dead (or forgotten), or a crashed node alive or suspect. Bucket 0 = nobody is wrong.
 */
const bucket = (max: number, key: 'nobody' | 'upTo10' | 'to50' | 'over50') => ({
  max,
  /** In the page's language. */
  get label(): string {
    return i18next.t(`membership:buckets.${key}`);
  },
});
export const WRONG_BUCKETS = [bucket(0, 'nobody'), bucket(0.1, 'upTo10'), bucket(0.5, 'to50'), bucket(1, 'over50')] as const;

/** Fill of a live node / stroke of a crashed one, per bucket (bucket 0 of a crashed node is the ink colour). */
export const WRONG_COLORS = [okabeIto.blue, okabeIto.yellow, okabeIto.orange, okabeIto.vermillion] as const;

export function wrongBucket(wrong: number, observers: number): number {
  if (wrong <= 0 || observers <= 0) return 0;
  const share = wrong / observers;
  return share <= 0.1 ? 1 : share <= 0.5 ? 2 : 3;
}

export const ink = (theme: Theme): string => palette.crashed[theme];

/** Suspected by at least one live observer: a dashed ring in this colour. */
export const SUSPECT_RING = okabeIto.reddishPurple;

/** Matrix cells per view state (unknown, alive, suspect, dead). */
export const STATE_COLORS = {
  light: ['#C8C8C8', okabeIto.blue, okabeIto.orange, okabeIto.vermillion],
  dark: ['#4A4A4A', okabeIto.blue, okabeIto.orange, okabeIto.vermillion],
} as const;

/** The view states' names (unknown, alive, suspect, dead), in the page's language. */
export const stateLabels = (): string[] => (['unknownLong', 'alive', 'suspect', 'dead'] as const).map((k) => i18next.t(`membership:states.${k}`));

export type HeadShape = 'circle' | 'diamond' | 'square' | 'triangle';

export interface MessageStyle {
  /** In the page's language (a getter). */
  readonly label: string;
  color: string;
  dash: number[];
  width: number;
  head: HeadShape;
  /** Part of the round the message flies in, [start, end) as fractions. */
  phase: [number, number];
}

type MessageName = 'ping' | 'ack' | 'pingReq' | 'indirectPing' | 'indirectAck' | 'ackRelay' | 'gossip' | 'pushPull' | 'pushPullReply' | 'syn' | 'ack1' | 'ack2' | 'echo' | 'echoReply';
const S = (name: MessageName, color: string, dash: number[], head: HeadShape, phase: [number, number], width = 1.5): MessageStyle => ({
  get label() {
    return i18next.t(`membership:messages.${name}`);
  },
  color, dash, width, head, phase,
});

/** One style per MEMBERSHIP_MESSAGE_KINDS entry, in its order; phases follow a probe's sequence. */
export const MESSAGE_STYLES: readonly MessageStyle[] = [
  S('ping', okabeIto.skyBlue, [], 'circle', [0, 0.3]),
  S('ack', okabeIto.bluishGreen, [6, 4], 'circle', [0.3, 0.55]),
  S('pingReq', okabeIto.orange, [2, 3], 'diamond', [0.3, 0.45]),
  S('indirectPing', okabeIto.orange, [8, 3, 2, 3], 'diamond', [0.45, 0.6]),
  S('indirectAck', okabeIto.orange, [8, 3, 2, 3], 'diamond', [0.6, 0.75]),
  S('ackRelay', okabeIto.orange, [8, 3, 2, 3], 'diamond', [0.75, 0.9]),
  S('gossip', okabeIto.reddishPurple, [12, 4], 'square', [0.1, 1]),
  S('pushPull', okabeIto.blue, [], 'square', [0, 0.5], 3),
  S('pushPullReply', okabeIto.blue, [], 'square', [0.5, 1], 3),
  S('syn', okabeIto.skyBlue, [], 'triangle', [0, 0.33]),
  S('ack1', okabeIto.bluishGreen, [6, 4], 'triangle', [0.33, 0.66]),
  S('ack2', okabeIto.orange, [2, 3], 'triangle', [0.66, 1]),
  S('echo', okabeIto.reddishPurple, [8, 3, 2, 3], 'circle', [0, 0.5]),
  S('echoReply', okabeIto.reddishPurple, [8, 3, 2, 3], 'circle', [0.5, 1]),
];

if (MESSAGE_STYLES.length !== MEMBERSHIP_MESSAGE_KINDS.length) throw new Error('a style per membership message kind');

/** The kinds each protocol sends, for its legend (indices into MEMBERSHIP_MESSAGE_KINDS). */
export const LEGEND_KINDS = {
  swim: [0, 1, 2, 3, 6, 7],
  heartbeat: [9, 10, 11, 12],
} as const;

/** A message that never arrived stops short with a cross in this colour. */
export const DROPPED_COLOR = okabeIto.vermillion;

/** Index of the suspect ring in MEMBERSHIP_LOOKS' ring list (0 = no ring). */
export const RING_SUSPECT = 1;

const nodeLooks = (theme: Theme): NodeLooks => ({
  // Indexed by wrong bucket: a live node's fill, a crashed node's outline (nobody wrong = ink).
  fill: WRONG_COLORS,
  crashed: [ink(theme), ...WRONG_COLORS.slice(1)],
  ring: [ink(theme), SUSPECT_RING],
  outline: ink(theme),
  // Not the dissemination purple: that is the suspect ring's colour here.
  selected: ink(theme),
});

/**
 * What the shared renderer needs to draw membership frames: node colours per theme and one look
 * per message kind. Heads keep the legend's shapes; a payload (piggybacked updates) rings the head.
 */
export const MEMBERSHIP_LOOKS: ModelLooks = {
  nodes: { light: nodeLooks('light'), dark: nodeLooks('dark') },
  messages: MESSAGE_STYLES.map((m) => ({
    get label() {
      return m.label;
    },
    color: m.color,
    shape: m.head,
    size: m.width > 2 ? 1.25 : 1,
    dash: m.dash,
    phase: m.phase,
    // Square-headed kinds are the update exchanges themselves: a ring would say nothing more.
    ringWhenUseful: m.head !== 'square',
  })),
};
