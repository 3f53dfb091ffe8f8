import type { JSX } from 'react';
import { MEMBERSHIP_PRESETS } from '../../presets/membership/catalog';
import { selectPreset, useMembership } from '../../store/membership-store';
import { PresetList } from '../PresetList';
import { membershipSession } from '../../session/page-instances';

/** The membership presets: one click loads a scenario and plays it. */
export function MembershipPresets(): JSX.Element {
  const loaded = useMembership(selectPreset)?.id ?? null;
  return <PresetList idPrefix="m-" presets={MEMBERSHIP_PRESETS} loaded={loaded} onLoad={(id) => membershipSession().loadPreset(id)} />;
}
