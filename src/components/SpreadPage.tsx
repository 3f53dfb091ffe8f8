import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/useSession';
import { selectMode, selectPreset, selectStory } from '../store/selectors';
import { gossipStore, useGossip } from '../store/store';
import { ActionControls } from './ActionControls';
import { ChartsPanel } from './ChartsPanel';
import { ConfigForm } from './ConfigForm';
import { ConflictPanel } from './ConflictPanel';
import { HealPanel } from './HealPanel';
import { Inspector } from './Inspector';
import { ModePage, type PageState } from './layout/ModePage';
import { SideDrawer } from './layout/SideDrawer';
import { Legend } from './Legend';
import { SpreadReadouts } from './presenter/Readouts';
import { PresetCaption, SpreadPresenterCaption } from './PresetCaption';
import { PresetsPanel } from './PresetsPanel';
import { RumorPanel } from './RumorPanel';
import { RunControls } from './RunControls';
import { exportedCharts } from './share/ChartExportButtons';
import { RememberRun } from './share/RememberRun';
import { ShareExportPanel } from './share/ShareExportPanel';
import { SpreadGraph } from './SpreadGraph';
import { StatusBar } from './StatusBar';
import { StoryPanel } from './StoryPanel';
import { SweepPanel } from './sweep/SweepPanel';
import { TimelinePanel } from './TimelinePanel';
import { HandPlayBanner } from './trace/HandPlayBanner';
import { TraceTab } from './trace/TraceTab';

/** What opens the drawer when the Partition healing story starts (it has no preset). */
const STORY = 'story';

/** The dissemination mode: one update spreading by gossip (or primary-backup), in ModePage's places. */
export function SpreadPage({ state }: { state: PageState }): JSX.Element {
  const { t } = useTranslation(['common', 'controls']);
  const session = useSession();
  const [run] = useState(() => ({ session, store: gossipStore }));
  const preset = useGossip(selectPreset);
  // The Partition healing story is told in Details too; its view changes every beat, so it counts as one key.
  const storyOn = useGossip(selectStory) !== null;
  const drawing = useGossip(selectMode) !== 'select';
  return (
    <ModePage
      state={state}
      parts={{
        run,
        status: <StatusBar />,
        controls: {
          label: t('controls:label'),
          // Run and the essential settings first, so Play…Packet loss are in view without scrolling
          // on a 1024×768 projector; actions, presets and sharing follow (the column scrolls).
          content: (
            <>
              <RunControls />
              <ConfigForm />
              <ActionControls />
              <PresetsPanel />
              <SweepPanel />
              <ShareExportPanel charts={exportedCharts()}>
                <RememberRun />
              </ShareExportPanel>
            </>
          ),
        },
        graph: {
          content: (
            <>
              <SpreadGraph main />
              <HandPlayBanner />
            </>
          ),
          drawing,
        },
        drawer: (
          <SideDrawer
            label={t('drawer.label')}
            storageKey="spread-drawer"
            openOn={{ when: preset ?? (storyOn ? STORY : null), tab: 'details' }}
            tabs={[
              {
                id: 'details',
                // What to watch (story, preset caption), the measures, the inspector and the legend.
                label: t('drawer.tabs.details'),
                content: (
                  <>
                    <StoryPanel />
                    <PresetCaption />
                    <ConflictPanel />
                    <HealPanel />
                    <RumorPanel />
                    <Inspector />
                    <Legend />
                  </>
                ),
              },
              { id: 'timeline', label: t('drawer.tabs.timeline'), content: <TimelinePanel /> },
              { id: 'charts', label: t('drawer.tabs.charts'), content: <ChartsPanel /> },
              TraceTab(),
            ]}
          />
        ),
        presenter: { graph: <SpreadGraph />, readouts: <SpreadReadouts />, caption: <SpreadPresenterCaption /> },
      }}
    />
  );
}
