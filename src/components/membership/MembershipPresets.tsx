import type { JSX } from 'react';
import { MEMBERSHIP_PRESETS } from '../../presets/membership/catalog';
import { selectPreset, useMembership } from '../../store/membership-store';
import { btn, sectionTitle } from '../ui-classes';
import { membershipSession } from './session-instance';

const item = `${btn.base} w-full justify-start px-2 py-1 text-left text-sm leading-snug`;

/** One click loads a scenario and plays it; its caption appears on the right. */
export function MembershipPresets(): JSX.Element {
  const loaded = useMembership(selectPreset)?.id ?? null;
  return (
    <section aria-labelledby="m-presets-title">
      <h2 id="m-presets-title" className={sectionTitle}>Presets</h2>
      <ul className="flex flex-col gap-1">
        {MEMBERSHIP_PRESETS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`${item} ${loaded === p.id ? btn.pressed : btn.secondary}`}
              aria-description={p.caption.join(' ')}
              aria-current={loaded === p.id ? 'true' : undefined}
              title={p.caption.join('\n')}
              onClick={() => membershipSession().loadPreset(p.id)}
            >
              {p.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
