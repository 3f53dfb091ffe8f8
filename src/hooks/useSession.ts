import { createContext, useContext } from 'react';
import type { Session } from '../session/session';

export const SessionContext = createContext<Session | null>(null);

/** The page's Session (the conductor between controls and the engine worker). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionContext provider');
  return session;
}
