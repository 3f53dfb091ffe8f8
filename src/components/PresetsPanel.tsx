import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { btn, sectionTitle } from './ui-classes';

export function PresetsPanel(): JSX.Element {
  const session = useSession();
  return (
    <section aria-labelledby="presets-title">
      <h2 id="presets-title" className={sectionTitle}>Presets</h2>
      <button
        type="button"
        className={`${btn.base} ${btn.secondary} w-full`}
        onClick={() => session.loadPartitionHealing()}
        title="60 nodes split in two, a different update on each side, then a heal"
      >
        Partition healing
      </button>
    </section>
  );
}
