import { useRef, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('share');
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
      if (!png) throw new Error(t('graphNotDrawn'));
      downloadBlob(await png, fileName('png').replace(/\.png$/, '-graph.png'));
    } catch (e) {
      session.say('error', t('graphFailed', { reason: e instanceof Error ? e.message : String(e) }));
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
      <h2 id="share-title" className={sectionTitle}>{t('title')}</h2>
      <div className="grid grid-cols-2 gap-2">
        <button type="button" className={small} disabled={building} onClick={() => download('scenario', 'scenario.json', 'application/json')} title={t('exportScenarioTitle')}>
          {t('exportScenario')}
        </button>
        <button type="button" className={small} onClick={() => fileInput.current?.click()} title={t('importScenarioTitle')}>
          {t('importScenario')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t('scenarioFile')}
          className="sr-only"
          tabIndex={-1}
          onChange={(e) => void onFile(e.target.files)}
        />
        <ImportProblems />
        <button type="button" className={small} disabled={building} onClick={() => download('csv', 'csv', 'text/csv')} title={t('exportCsvTitle')}>
          {t('exportCsv')}
        </button>
        <button type="button" className={small} disabled={building} onClick={() => download('json', 'json', 'application/json')} title={t('exportJsonTitle')}>
          {t('exportJson')}
        </button>
        <button type="button" className={`${small} col-span-2`} disabled={building} onClick={() => void exportGraph()} title={t('exportGraphTitle')}>
          {t('exportGraph')}
        </button>
        <ChartExportButtons className={small} charts={charts} fileBase={() => session.exportBase()} onError={(text) => session.say('error', text)} />
      </div>
      {children}
    </section>
  );
}
