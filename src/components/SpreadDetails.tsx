import type { JSX } from 'react';
import { ConflictPanel } from './ConflictPanel';
import { HealPanel } from './HealPanel';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { PresetCaption } from './PresetCaption';
import { RumorPanel } from './RumorPanel';
import { StoryPanel } from './StoryPanel';

/** The Details tab: what to watch (story, preset caption), the measures, the inspector and the legend. */
export function SpreadDetails(): JSX.Element {
  return (
    <>
      <StoryPanel />
      <PresetCaption />
      <ConflictPanel />
      <HealPanel />
      <RumorPanel />
      <Inspector />
      <Legend />
    </>
  );
}
