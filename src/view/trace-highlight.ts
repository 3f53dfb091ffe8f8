/**
 * What the "who told whom" views draw over the graph, as the renderer reads it from a
 * FrameSource: a selected node's path from the writer, the whole spread tree, a message the
 * pointer rests on in the space-time diagram, and the targets picked in a hand-played round.
 * Node pairs in flat arrays (from0, to0, from1, to1, …), so a 10^4-node tree is one typed array.
 */
export interface TraceHighlight {
  /** The selected node's path, oldest hop first (pairs). */
  path: Int32Array | null;
  /** The round of each hop of `path` (drawn in a badge on the hop); absent for none. */
  pathRounds?: Int32Array | null;
  /** Every informed node's link to the node that told it (pairs). */
  tree: Int32Array | null;
  /** A message hovered in the space-time diagram: drawn in both views. */
  message: HighlightedMessage | null;
  /** A hand-played round: the node choosing its peers now, and the peers chosen so far (pairs). */
  hand: { sender: number | null; picks: Int32Array } | null;
}

export type MessageFate = 'useful' | 'redundant' | 'dropped';

export interface HighlightedMessage {
  from: number;
  to: number;
  fate: MessageFate;
}
