import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { selectMode, selectThemeChoice } from '../store/selectors';
import { frameSource } from '../session/page-instances';
import { useGossip } from '../store/store';
import { GraphCanvas } from './GraphCanvas';
import { Notices } from './Notices';
import { CatchUpProgress } from './timeline/CatchUpProgress';
import { TimeScrubber } from './timeline/TimeScrubber';
import { WorkerError } from './WorkerError';
import { HandPlayBanner } from './trace/HandPlayBanner';

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

/**
 * The graph with notices floating over its top edge and the time scrubber as the pane's footer
 * (inside its frame: no extra gap or border costs the graph height).
 */
export function GraphPane(): JSX.Element {
  const mode = useGossip(selectMode);
  return (
    <div className={`relative flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border bg-white dark:bg-slate-900 ${mode !== 'select' ? 'border-fuchsia-500 ring-2 ring-fuchsia-500' : 'border-slate-200 dark:border-slate-700'}`}>
      <div className="relative min-h-0 flex-1">
        <SpreadGraph main />
        <HandPlayBanner />
      </div>
      <TimeScrubber />
      <Notices />
      <CatchUpProgress />
      <WorkerError />
    </div>
  );
}
