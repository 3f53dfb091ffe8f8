import { useRef, type JSX } from 'react';
import { useSession } from '../../hooks/useSession';
import { downloadBlob, downloadText } from '../../export/download';
import { runFileBase } from '../../export/file-names';
import { metricsCsvText, metricsJsonText, scenarioText } from '../../export/run-exports';
import { clearRunFromAddressBar } from '../../share/address-bar';
import { runMemory as memory } from '../../session/persistence';
import { selectBuilding, selectRemember } from '../../store/selectors';
import { gossipStore, useGossip } from '../../store/store';
import { btn, sectionTitle } from '../ui-classes';
import { ChartExportButtons } from './ChartExportButtons';
import { ImportProblems } from './ImportProblems';

const small = `${btn.base} ${btn.secondary} px-2 py-1 text-sm`;

/** The file name of an export of the current run, with its extension. */
function fileName(ext: string): string {
  const s = gossipStore.getState();
  return `${runFileBase(s.runConfig, s.round)}.${ext}`;
}

/**
 * Files in and out: the run as a scenario (the format the command line reads), its metrics for
 * a spreadsheet or a notebook, the graph and the charts for a slide; whether the browser
 * remembers the run; and the way back to the defaults.
 */
export function ShareExportPanel(): JSX.Element {
  const session = useSession();
  const building = useGossip(selectBuilding);
  const remember = useGossip(selectRemember);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportGraph = async (): Promise<void> => {
    try {
      const png = session.graphPng();
      if (!png) throw new Error('the graph is not drawn yet');
      downloadBlob(await png, `${fileName('png').replace(/\.png$/, '-graph.png')}`);
    } catch (e) {
      session.say('error', `The graph could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onFile = async (files: FileList | null): Promise<void> => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) await session.importScenarioFile(file);
  };

  // `relative`: the visually hidden file input is placed inside the panel, not at the page's far end (which would scroll the page).
  return (
    <section aria-labelledby="share-title" className="relative">
      <h2 id="share-title" className={sectionTitle}>Share and export</h2>
      <div className="grid grid-cols-2 gap-2">
        <button type="button" className={small} disabled={building} onClick={() => downloadText(scenarioText(gossipStore.getState()), fileName('scenario.json'), 'application/json')} title="The settings and the timeline as a scenario file (npm run sim -- --scenario FILE runs it too)">
          Export scenario
        </button>
        <button type="button" className={small} onClick={() => fileInput.current?.click()} title="Open a scenario file: it replaces the run if it is valid">
          Import scenario
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Scenario file to import"
          className="sr-only"
          tabIndex={-1}
          onChange={(e) => void onFile(e.target.files)}
        />
        <ImportProblems />
        <button type="button" className={small} disabled={building} onClick={() => downloadText(metricsCsvText(gossipStore.getState()), fileName('csv'), 'text/csv')} title="Every round's metrics, one row per round">
          Export CSV
        </button>
        <button type="button" className={small} disabled={building} onClick={() => downloadText(metricsJsonText(gossipStore.getState()), fileName('json'), 'application/json')} title="Settings, actions and every round's metrics">
          Export JSON
        </button>
        <button type="button" className={`${small} col-span-2`} disabled={building} onClick={() => void exportGraph()} title="The graph as drawn now, as a PNG image">
          Export graph PNG
        </button>
        <ChartExportButtons className={small} onError={(text) => session.say('error', text)} />
      </div>
      <label className="mt-3 flex items-center gap-2 text-sm font-semibold">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) => {
            memory.setRemember(e.target.checked);
            gossipStore.setState({ remember: e.target.checked });
          }}
          className="h-4 w-4 accent-sky-700"
        />
        Remember this run
      </label>
      <button
        type="button"
        className={`${small} mt-2 w-full`}
        onClick={() => {
          memory.clear();
          clearRunFromAddressBar();
          session.resetToDefaults();
        }}
        title="Default settings, empty timeline; the remembered run is forgotten"
      >
        Reset to defaults
      </button>
    </section>
  );
}
