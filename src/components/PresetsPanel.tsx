import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { PRESETS } from '../presets/catalog';
import { selectPreset, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { PresetList, presetItem } from './PresetList';
import { btn } from './ui-classes';
import { useTranslation } from 'react-i18next';

/** The dissemination presets, led by the partition-healing story (a scripted run, not a catalog entry). */
export function PresetsPanel(): JSX.Element {
  const { t } = useTranslation('presets');
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
          title={t('partition-healing.button')}
        >
          {t('partition-healing.title')}
        </button>
      </li>
    </PresetList>
  );
}
