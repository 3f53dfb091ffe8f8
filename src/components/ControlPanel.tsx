import type { JSX } from 'react';
import { ActionControls } from './ActionControls';
import { ConfigForm } from './ConfigForm';
import { PresetsPanel } from './PresetsPanel';
import { RunControls } from './RunControls';
import { EXPORTED_CHARTS } from './share/ChartExportButtons';
import { RememberRun } from './share/RememberRun';
import { ShareExportPanel } from './share/ShareExportPanel';
import { SweepPanel } from './sweep/SweepPanel';

/** The left panel: run, change, presets, settings — most used first, so the fold cuts settings. */
export function ControlPanel(): JSX.Element {
  return (
    <nav aria-label="Controls" className="flex min-h-0 flex-col gap-4 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <RunControls />
      <ActionControls />
      <PresetsPanel />
      <ConfigForm />
      <SweepPanel />
      <ShareExportPanel charts={EXPORTED_CHARTS}>
        <RememberRun />
      </ShareExportPanel>
    </nav>
  );
}
