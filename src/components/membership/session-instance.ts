import { membershipFrames } from '../../store/membership-frames';
import { MembershipSession } from '../../store/membership-session';
import { membershipStore } from '../../store/membership-store';
import { MembershipClient } from '../../worker/membership-client';

let session: MembershipSession | null = null;

/**
 * The page's one membership session, made on first use: it outlives the membership panels, so
 * switching to Dissemination and back keeps the run where it was (paused).
 */
export function membershipSession(): MembershipSession {
  session ??= new MembershipSession({ store: membershipStore, frames: membershipFrames, createClient: (h) => new MembershipClient(h) });
  return session;
}
