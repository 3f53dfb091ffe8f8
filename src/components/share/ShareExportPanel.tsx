import { useRef, type JSX, type ReactNode } from 'react';
import { useRun, useRunSession } from '../../hooks/useRun';
import type { ExportKind } from '../../session/run-session';
import { downloadBlob, downloadText } from '../../export/download';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { btn, sectionTitle } from '../ui-classes';
import { ChartExportButtons, type ExportedChart } from './ChartExportButtons';
import { ImportProblems } from './ImportProblems';

const small = `${btn.base} ${btn.secondary} px-2 py-1 text-sm`;
const selectBuilding = (s: RunCoreSlice) => s.building;

/**
 * Files in and out, for the shown mode's run: the run as a scenario (for a spreading run, the
 * format the command line reads), its metrics for a spreadsheet or a notebook, the graph and
 * the charts for a slide. `children` adds what only one mode has (remembering the run).
 */
export function ShareExportPanel({ charts, children }: { charts: readonly ExportedChart[]; children?: ReactNode }): JSX.Element {
  const session = useRunSession();
  const building = useRun(selectBuilding);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileName = (ext: string): string => `${session.exportBase()}.${ext}`;
  /** Downloads an export; a run the readers would refuse is not written (the session says why). */
  const download = (kind: ExportKind, ext: string, mime: string): void => {
    const text = session.exportText(kind);
    if (text !== null) downloadText(text, fileName(ext), mime);
  };

  const exportGraph = async (): Promise<void> => {
    try {
      const png = session.graphPng();
      if (!png) throw new Error('the graph is not drawn yet');
      downloadBlob(await png, fileName('png').replace(/\.png$/, '-graph.png'));
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
        <button type="button" className={small} disabled={building} onClick={() => download('scenario', 'scenario.json', 'application/json')} title="The settings and the timeline as a scenario file (for a dissemination run, npm run sim -- --scenario FILE runs it too)">
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
        <button type="button" className={small} disabled={building} onClick={() => download('csv', 'csv', 'text/csv')} title="Every round's metrics, one row per round">
          Export CSV
        </button>
        <button type="button" className={small} disabled={building} onClick={() => download('json', 'json', 'application/json')} title="Settings, actions and every round's metrics">
          Export JSON
        </button>
        <button type="button" className={`${small} col-span-2`} disabled={building} onClick={() => void exportGraph()} title="The graph as drawn now, as a PNG image">
          Export graph PNG
        </button>
        <ChartExportButtons className={small} charts={charts} fileBase={() => session.exportBase()} onError={(text) => session.say('error', text)} />
      </div>
      {children}
    </section>
  );
}
