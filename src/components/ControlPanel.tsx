import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionControls } from './ActionControls';
import { ConfigForm } from './ConfigForm';
import { PresetsPanel } from './PresetsPanel';
import { RunControls } from './RunControls';
import { exportedCharts } from './share/ChartExportButtons';
import { RememberRun } from './share/RememberRun';
import { ShareExportPanel } from './share/ShareExportPanel';
import { SweepPanel } from './sweep/SweepPanel';

/**
 * The left panel: run and the essential settings first, so Play…Packet loss are in view without
 * scrolling on a 1024×768 projector; actions, presets and sharing follow (this panel scrolls).
 */
export function ControlPanel(): JSX.Element {
  const { t } = useTranslation('controls');
  return (
    <nav aria-label={t('label')} className="flex min-h-0 flex-col gap-4 md:overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <RunControls />
      <ConfigForm />
      <ActionControls />
      <PresetsPanel />
      <SweepPanel />
      <ShareExportPanel charts={exportedCharts()}>
        <RememberRun />
      </ShareExportPanel>
    </nav>
  );
}
