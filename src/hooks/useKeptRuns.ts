import { createContext, useContext } from 'react';
import type { KeptRuns } from '../session/kept-runs';

export const KeptRunsContext = createContext<KeptRuns | null>(null);

/** The page's kept runs (Compare); null outside the dissemination page (Copy link in membership mode). */
export function useKeptRuns(): KeptRuns | null {
  return useContext(KeptRunsContext);
}
