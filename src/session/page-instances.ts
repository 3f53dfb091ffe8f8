import { membershipStore } from '../store/membership-store';
import { createFrameSource } from '../view/live-frame-source';
import { EngineClient } from '../worker/client';
import { MembershipSession, type MembershipFrameSource } from './membership-session';

/**
 * The page's one FrameSource per mode: per-round arrays the renderer pulls, outside React
 * state. Each mode keeps its own so its run survives a switch to the other mode and back.
 */
export const frameSource = createFrameSource();
export const membershipFrameSource: MembershipFrameSource = createFrameSource();

let membership: MembershipSession | null = null;

/**
 * The page's one membership session, made on first use: it outlives the membership panels, so
 * switching to Dissemination and back keeps the run where it was (paused).
 */
export function membershipSession(): MembershipSession {
  membership ??= new MembershipSession({
    store: membershipStore,
    frames: membershipFrameSource,
    createClient: (h) => new EngineClient(h),
  });
  return membership;
}
