import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { membershipPresetById } from '../presets/membership/catalog';
import { needsRebuild } from '../run/form';
import { needsRebuild as membershipNeedsRebuild } from '../run/membership-form';
import { membershipSession } from '../session/page-instances';
import { selectApplied, selectPreset as selectMembershipPreset, useMembership } from '../store/membership-store';
import { selectPreset, selectRunConfig, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { panel } from './ui-classes';
import { useTranslation } from 'react-i18next';

interface CaptionCardProps {
  /** Keeps element ids unique per mode ('' or 'm-'). */
  idPrefix: string;
  preset: { title: string; caption: readonly string[] };
  /** The settings now differ from the preset's: its caption may no longer hold. */
  changed: boolean;
  /** Closes the preset (the × button). */
  onClose(): void;
}

/** A loaded preset's caption — what to watch — the same card in both modes. */
function CaptionCard({ idPrefix, preset, changed, onClose }: CaptionCardProps): JSX.Element {
  const { t } = useTranslation('presets');
  const id = `${idPrefix}preset-title`;
  return (
    <section aria-labelledby={id} className={`${panel} border-sky-300 dark:border-sky-800`}>
      <div className="flex items-start gap-2">
        <h2 id={id} className="flex-1 text-lg font-bold">{preset.title}</h2>
        <button
          type="button"
          aria-label={t('list.hide')}
          title={t('list.hideTitle')}
          className="rounded px-1 text-lg leading-none hover:bg-black/10 dark:hover:bg-white/10"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {preset.caption.map((line, i) => (
        <p key={line} className={`mt-1 text-sm 2xl:text-base ${i > 0 ? 'font-semibold' : ''}`}>{line}</p>
      ))}
      {changed && <p className="mt-1 text-sm italic text-slate-600 dark:text-slate-300">{t('list.changed')}</p>}
    </section>
  );
}

/** The loaded dissemination preset's caption. */
export function PresetCaption(): JSX.Element | null {
  const session = useSession();
  const preset = useGossip(selectPreset);
  const run = useGossip(selectRunConfig);
  if (!preset) return null;
  return <CaptionCard idPrefix="" preset={preset} changed={needsRebuild(preset.config, run)} onClose={() => session.leavePreset()} />;
}

/** The loaded membership preset's caption; its timeline stays with Reset until the preset is closed. */
export function MembershipPresetCaption(): JSX.Element | null {
  useTranslation(); // re-render on a language switch: the preset's texts are read in the page's language
  const preset = useMembership(selectMembershipPreset);
  const applied = useMembership(selectApplied);
  if (!preset) return null;
  const changed = membershipNeedsRebuild(membershipPresetById(preset.id)?.config ?? null, applied);
  return <CaptionCard idPrefix="m-" preset={preset} changed={changed} onClose={() => membershipSession().leavePreset()} />;
}

/** Presenter mode's caption over the graph's foot: the story's current step, else the preset's caption. */
export function SpreadPresenterCaption(): JSX.Element | null {
  useTranslation(); // re-render on a language switch: the preset's texts are read in the page's language
  const story = useGossip(selectStory);
  const preset = useGossip(selectPreset);
  const text = story?.caption ?? (preset ? preset.caption.join(' ') : null);
  return text ? <p><strong>{story?.title ?? preset?.title}:</strong> {text}</p> : null;
}

export function MembershipPresenterCaption(): JSX.Element | null {
  useTranslation();
  const preset = useMembership(selectMembershipPreset);
  return preset ? <p><strong>{preset.title}:</strong> {preset.caption.join(' ')}</p> : null;
}
