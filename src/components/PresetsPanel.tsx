import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { PRESETS } from '../presets/catalog';
import { MEMBERSHIP_PRESETS } from '../presets/membership/catalog';
import { membershipSession } from '../session/page-instances';
import { selectPreset as selectMembershipPreset, useMembership } from '../store/membership-store';
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

/** The membership presets: one click loads a scenario and plays it. */
export function MembershipPresets(): JSX.Element {
  const loaded = useMembership(selectMembershipPreset)?.id ?? null;
  return <PresetList idPrefix="m-" presets={MEMBERSHIP_PRESETS} loaded={loaded} onLoad={(id) => membershipSession().loadPreset(id)} />;
}
