import type { MembershipFrame } from '../worker/protocol';

/**
 * The latest membership frame, outside React state: the canvas pulls it in its animation
 * loop, the matrix and the inspector subscribe to its version. Typed arrays change every
 * round; putting them into the store would re-render the whole page per round.
 * Not the dissemination FrameSource: no graph to keep frames consistent with, but a version
 * for useSyncExternalStore and the frame's arrival time, which the message flights start from.
 */
export interface MembershipFrames {
  subscribe(listener: () => void): () => void;
  /** Changes whenever the frame or the selection changes (for useSyncExternalStore). */
  version(): number;
  frame(): MembershipFrame | null;
  /** When the current frame arrived (ms, the page's clock): messages fly from then on. */
  receivedAt(): number;
  selected(): number | null;
  /** Milliseconds between two rounds at the current speed (how long a message takes to fly). */
  roundDurationMs(): number;
  setFrame(f: MembershipFrame | null, at: number): void;
  setSelected(node: number | null): void;
  setRoundDurationMs(ms: number): void;
}

export function createMembershipFrames(): MembershipFrames {
  let frame: MembershipFrame | null = null;
  let at = 0;
  let selected: number | null = null;
  let duration = 500;
  let version = 0;
  const listeners = new Set<() => void>();
  const emit = (): void => {
    version++;
    for (const l of listeners) l();
  };
  return {
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
      emit();
    },
    setRoundDurationMs(ms) {
      duration = ms;
    },
  };
}

/** The page's one membership frame holder. */
export const membershipFrames = createMembershipFrames();
