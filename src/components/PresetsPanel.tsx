import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { PRESETS } from '../presets/catalog';
import { selectPreset, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, sectionTitle } from './ui-classes';

const item = `${btn.base} w-full justify-start px-2 py-1 text-left text-sm leading-snug`;

/** One click loads a scenario and plays it; its caption (what to watch) appears on the right. */
export function PresetsPanel(): JSX.Element {
  const session = useSession();
  const loaded = useGossip(selectPreset)?.id ?? null;
  const story = useGossip(selectStory);
  return (
    <section aria-labelledby="presets-title">
      <h2 id="presets-title" className={sectionTitle}>Presets</h2>
      <ul className="flex flex-col gap-1">
        <li>
          <button
            type="button"
            className={`${item} ${story ? btn.pressed : btn.secondary}`}
            onClick={() => session.loadPartitionHealing()}
            title="60 nodes split in two, a different update on each side, then a heal"
          >
            Partition healing
          </button>
        </li>
        {PRESETS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`${item} ${loaded === p.id ? btn.pressed : btn.secondary}`}
              aria-description={p.caption.join(' ')}
              aria-current={loaded === p.id ? 'true' : undefined}
              title={p.caption.join('\n')}
              onClick={() => session.loadPreset(p.id)}
            >
              {p.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
