/**
 * The one palette of Gossip Lab, shared by the graph, the legends and the charts, and mirrored
 * in tailwind.config.js. Colours are Okabe & Ito's colour-blind-safe set (distinguishable with
 * protanopia, deuteranopia and tritanopia); states that must never be confused also differ in
 * lightness and shape (crashed nodes are hollow with a cross), not in hue alone.
 */
export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const palette = {
  /** A node holding the newest version of the shown key. */
  latest: okabeIto.blue,
  /** A node holding an older version. */
  older: okabeIto.orange,
  /** A node that knows nothing of the key (light and dark theme). */
  none: { light: '#B8B8B8', dark: '#5A5A5A' },
  /** Outline and cross of a crashed node. */
  crashed: { light: '#1A1A1A', dark: '#F2F2F2' },
  selected: okabeIto.reddishPurple,
  /** Ring around a node still spreading a rumor (infective); removed nodes have none. */
  infective: okabeIto.bluishGreen,
  message: {
    useful: okabeIto.bluishGreen,
    redundant: okabeIto.skyBlue,
    dropped: okabeIto.vermillion,
  },
  chart: {
    informed: okabeIto.blue,
    theory: okabeIto.reddishPurple,
    delivered: okabeIto.bluishGreen,
    redundant: okabeIto.skyBlue,
    dropped: okabeIto.vermillion,
  },
  /** Partition groups 1, 2, …: tinted regions and rings (group 0 is untinted). */
  groups: [okabeIto.reddishPurple, okabeIto.yellow, okabeIto.bluishGreen, okabeIto.skyBlue, okabeIto.orange, okabeIto.vermillion],
} as const;

export function groupColor(group: number): string {
  return palette.groups[(group - 1) % palette.groups.length];
}
