import type { JSX } from 'react';
import { needsRebuild } from '../../run/membership-form';
import { membershipPresetById } from '../../presets/membership/catalog';
import { selectApplied, selectPreset, useMembership } from '../../store/membership-store';
import { membershipSession } from '../../session/page-instances';
import { CaptionCard } from '../PresetCaption';
import { useTranslation } from 'react-i18next';

/** What to watch in the loaded membership preset; its timeline stays with Reset until the preset is closed. */
export function MembershipCaption(): JSX.Element | null {
  useTranslation(); // re-render on a language switch: the preset's texts are read in the page's language
  const preset = useMembership(selectPreset);
  const applied = useMembership(selectApplied);
  if (!preset) return null;
  const changed = needsRebuild(membershipPresetById(preset.id)?.config ?? null, applied);
  return <CaptionCard idPrefix="m-" preset={preset} changed={changed} onClose={() => membershipSession().leavePreset()} />;
}
