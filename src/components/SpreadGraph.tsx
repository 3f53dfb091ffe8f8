import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { selectMode, selectThemeChoice } from '../store/selectors';
import { frameSource } from '../session/page-instances';
import { useGossip } from '../store/store';
import { GraphCanvas } from './GraphCanvas';

/**
 * The dissemination graph: the renderer's canvas wired to the session. `main`: the page's own
 * graph, whose drawing the session asks for halves and PNGs (presenter mode draws a second one).
 */
export function SpreadGraph({ main = false }: { main?: boolean }): JSX.Element {
  const session = useSession();
  const theme = useGossip(selectThemeChoice);
  const mode = useGossip(selectMode);
  return (
    <GraphCanvas
      source={frameSource}
      theme={theme}
      mode={mode}
      onSelect={(node) => session.select(node)}
      onToggleCrash={(node) => session.toggleCrash(node)}
      onSplit={(sides) => session.partition(sides)}
      onCancelSplit={() => session.escape()}
      onLasso={(nodes) => session.isolate(nodes)}
      onReady={main ? (api) => session.setGraphApi(api) : undefined}
    />
  );
}

