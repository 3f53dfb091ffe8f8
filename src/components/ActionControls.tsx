import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { selectMode, selectPartition, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, sectionTitle } from './ui-classes';

/** What a lecturer does to the cluster: write, cut it in two, join it again. */
export function ActionControls(): JSX.Element {
  const session = useSession();
  const mode = useGossip(selectMode);
  const partition = useGossip(selectPartition);
  const story = useGossip(selectStory);
  const healWanted = story?.awaitingHeal === true;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title" className={sectionTitle}>Change the cluster</h2>
      <div className="grid grid-cols-2 gap-2">
        <button
          type="button"
          className={`${btn.base} ${btn.primary} col-span-2`}
          onClick={() => session.writeUpdate()}
          title="Write a new version of the key at the selected node (or at a random live node)"
        >
          Write update
        </button>
        <button
          type="button"
          className={`${btn.base} ${mode === 'split' ? btn.pressed : btn.secondary}`}
          aria-pressed={mode === 'split'}
          onClick={() => session.toggleSplitMode()}
          title="Drag a line across the graph to cut the network in two (Esc cancels)"
        >
          Split
        </button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.splitInHalves()} title="Cut the network into its left and right halves">
          Split in halves
        </button>
        <button
          type="button"
          className={`${btn.base} ${healWanted ? btn.attention : btn.secondary} col-span-2`}
          onClick={() => session.heal()}
          title={partition ? 'Join the groups again' : 'The network is whole'}
        >
          Heal
        </button>
      </div>
      {mode === 'split' && (
        <p className="mt-2 text-sm font-semibold text-fuchsia-800 dark:text-fuchsia-300">Drag a line across the graph · Esc cancels</p>
      )}
    </section>
  );
}
