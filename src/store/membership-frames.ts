import type { MembershipWireFrame } from '../worker/membership-protocol';
import { createFrameSource, type LiveFrameSource } from './frame-source';

/**
 * The latest membership frame, outside React state: typed arrays change every round; putting
 * them into the store would re-render the whole page per round.
 * The wire frame serves the matrix, the inspector and the actions (a version for
 * useSyncExternalStore); the graph is drawn by the shared renderer from `source`, the same kind
 * of FrameSource dissemination uses, which the session feeds with adapted frames
 * (view/membership-view.ts). Selection and pacing are forwarded to it here, so both agree.
 */
export interface MembershipFrames {
  /** What the shared renderer draws: graph spec and styled NodeFrames. */
  readonly source: LiveFrameSource;
  subscribe(listener: () => void): () => void;
  /** Changes whenever the frame or the selection changes (for useSyncExternalStore). */
  version(): number;
  frame(): MembershipWireFrame | null;
  /** When the current frame arrived (ms, the page's clock): messages fly from then on. */
  receivedAt(): number;
  selected(): number | null;
  /** Milliseconds between two rounds at the current speed (how long a message takes to fly). */
  roundDurationMs(): number;
  setFrame(f: MembershipWireFrame | null, at: number): void;
  setSelected(node: number | null): void;
  setRoundDurationMs(ms: number): void;
}

export function createMembershipFrames(): MembershipFrames {
  let frame: MembershipWireFrame | null = null;
  let at = 0;
  let selected: number | null = null;
  let duration = 500;
  let version = 0;
  const listeners = new Set<() => void>();
  const source = createFrameSource();
  const emit = (): void => {
    version++;
    for (const l of listeners) l();
  };
  return {
    source,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    frame: () => frame,
    receivedAt: () => at,
    selected: () => selected,
    roundDurationMs: () => duration,
    setFrame(f, when) {
      frame = f;
      at = when;
      emit();
    },
    setSelected(node) {
      if (node === selected) return;
      selected = node;
      source.setSelected(node);
      emit();
    },
    setRoundDurationMs(ms) {
      duration = ms;
      source.setRoundDurationMs(ms);
    },
  };
}

/** The page's one membership frame holder. */
export const membershipFrames = createMembershipFrames();

/** The FrameSource the membership graph's renderer reads. */
export const membershipFrameSource: LiveFrameSource = membershipFrames.source;
