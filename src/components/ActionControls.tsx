import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { selectMode, selectPartition, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { PartitionTools } from './PartitionTools';
import { btn, sectionTitle } from './ui-classes';

const MODE_HINT = {
  split: 'Drag a line across the graph · Esc cancels',
  lasso: 'Draw a loop around the nodes to cut off · Esc cancels',
} as const;

/** What a lecturer does to the cluster: write, cut it (a line, halves, a lasso, k slices), join it again. */
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
          className={`${btn.base} ${mode === 'lasso' ? btn.pressed : btn.secondary}`}
          aria-pressed={mode === 'lasso'}
          onClick={() => session.toggleLassoMode()}
          title="Draw a loop on the graph: the nodes inside become a group cut off from the rest (Esc cancels)"
        >
          Lasso
        </button>
        <button
          type="button"
          className={`${btn.base} ${healWanted ? btn.attention : btn.secondary}`}
          onClick={() => session.heal()}
          title={partition ? 'Join the groups again and clear every cut and link loss' : 'The network is whole'}
        >
          Heal
        </button>
      </div>
      {mode !== 'select' && (
        <p className="mt-2 text-sm font-semibold text-fuchsia-800 dark:text-fuchsia-300">{MODE_HINT[mode]}</p>
      )}
      <PartitionTools />
    </section>
  );
}
