import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPreset as selectMembershipPreset, useMembership } from '../../store/membership-store';
import { selectPreset, selectStory } from '../../store/selectors';
import { useGossip } from '../../store/store';

/** What to watch, in presenter mode: the story's current step, else the preset's caption. */
export function SpreadCaption(): JSX.Element | null {
  useTranslation(); // re-render on a language switch: the preset's texts are read in the page's language
  const story = useGossip(selectStory);
  const preset = useGossip(selectPreset);
  const text = story?.caption ?? (preset ? `${preset.caption[0]} ${preset.caption[1]}` : null);
  return text ? <p><strong>{story?.title ?? preset?.title}:</strong> {text}</p> : null;
}

export function MembershipCaption(): JSX.Element | null {
  useTranslation();
  const preset = useMembership(selectMembershipPreset);
  return preset ? <p><strong>{preset.title}:</strong> {preset.caption[0]} {preset.caption[1]}</p> : null;
}
