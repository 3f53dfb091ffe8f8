import type { StoreApi } from 'zustand/vanilla';
import { membershipMessages } from '../run/membership-view';
import type { TraceState } from '../store/trace-store';
import type { LiveFrameSource } from '../view/live-frame-source';
import { SPACE_TIME_LIMIT, type MembershipFrame } from '../worker/protocol';
import { fateOf } from './trace-controller';

/**
 * The space-time diagram in membership mode. Membership frames already carry each round's
 * messages for small clusters (step and seek frames), so the page keeps them itself by round —
 * no request to the worker. A round it never received (skipped inside a multi-round catch-up
 * step) stays a hole: an empty column. Probes, acks and heartbeats are all "delivered"; one
 * that carried piggybacked updates or digests counts as "new".
 */
export class MembershipSpaceTime {
  constructor(private readonly store: StoreApi<TraceState>, private readonly frames: LiveFrameSource<MembershipFrame>) {}

  onFrame(f: MembershipFrame): void {
    const s = this.store.getState();
    const n = f.alive.length;
    const log = f.cause === 'init' || n !== s.nodes ? [] : s.log.slice(0, f.last + 1);
    if (n <= SPACE_TIME_LIMIT && f.messages && f.round >= 1 && (f.cause === 'step' || f.cause === 'seek')) {
      log[f.round] = membershipMessages(f.messages, f.round);
    }
    const hovered = s.hovered && s.hovered.round <= f.last ? s.hovered : null;
    this.store.setState({ nodes: n, round: f.round, last: f.last, log, hovered });
    this.publish();
  }

  /** Nothing to ask of the worker: the frames carry the messages anyway. */
  setSpaceTime(on: boolean): void {
    this.store.setState({ spaceTime: on });
  }

  hover(at: { round: number; index: number } | null): void {
    const h = this.store.getState().hovered;
    if (at === h || (at && h && at.round === h.round && at.index === h.index)) return;
    this.store.setState({ hovered: at });
    this.publish();
  }

  private publish(): void {
    const { hovered, log } = this.store.getState();
    const b = hovered ? log[hovered.round] : undefined;
    const message = hovered && b && hovered.index < b.count ? { from: b.from[hovered.index], to: b.to[hovered.index], fate: fateOf(b, hovered.index) } : null;
    this.frames.setHighlight(message ? { path: null, tree: null, message, hand: null } : null);
  }
}
