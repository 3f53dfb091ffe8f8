import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { PRESETS } from '../presets/catalog';
import { selectPreset, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { PresetList, presetItem } from './PresetList';
import { btn } from './ui-classes';

/** The dissemination presets, led by the partition-healing story (a scripted run, not a catalog entry). */
export function PresetsPanel(): JSX.Element {
  const session = useSession();
  const loaded = useGossip(selectPreset)?.id ?? null;
  const story = useGossip(selectStory);
  return (
    <PresetList idPrefix="" presets={PRESETS} loaded={loaded} onLoad={(id) => session.loadPreset(id)}>
      <li>
        <button
          type="button"
          className={`${presetItem} ${story ? btn.pressed : btn.secondary}`}
          onClick={() => session.loadPartitionHealing()}
          title="60 nodes split in two, a different update on each side, then a heal"
        >
          Partition healing
        </button>
      </li>
    </PresetList>
  );
}
