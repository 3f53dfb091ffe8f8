import type { JSX } from 'react';
import { selectPreset, useMembership } from '../../store/membership-store';
import { panel } from '../ui-classes';
import { membershipSession } from '../../session/page-instances';

/** What to watch in the loaded preset; its timeline stays with Reset until the preset is closed. */
export function MembershipCaption(): JSX.Element | null {
  const preset = useMembership(selectPreset);
  if (!preset) return null;
  return (
    <section aria-labelledby="m-caption-title" className={panel}>
      <div className="flex items-start gap-2">
        <h2 id="m-caption-title" className="flex-1 text-lg font-bold">{preset.title}</h2>
        <button
          type="button"
          aria-label="Hide caption"
          title="Close the preset: Reset then builds from the settings alone, without its timeline"
          className="rounded px-1 text-lg leading-none hover:bg-black/10 dark:hover:bg-white/10"
          onClick={() => membershipSession().leavePreset()}
        >
          ×
        </button>
      </div>
      {preset.caption.map((line) => (
        <p key={line} className="mt-1 text-sm">{line}</p>
      ))}
    </section>
  );
}
