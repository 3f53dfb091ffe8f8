import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/useSession';
import { selectMode, selectPartition, selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { DrawModeButton } from './DrawModeButton';
import { PartitionTools } from './PartitionTools';
import { btn, sectionTitle } from './ui-classes';

/** What a lecturer does to the cluster: write, cut it (a line, halves, a lasso, k slices), join it again. */
export function ActionControls(): JSX.Element {
  const { t } = useTranslation('controls');
  const session = useSession();
  const mode = useGossip(selectMode);
  const partition = useGossip(selectPartition);
  const story = useGossip(selectStory);
  const healWanted = story?.awaitingHeal === true;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title" className={sectionTitle}>{t('actions.title')}</h2>
      <div className="grid grid-cols-2 gap-2">
        <button
          type="button"
          className={`${btn.base} ${btn.primary} col-span-2`}
          onClick={() => session.writeUpdate()}
          title={t('actions.writeTitle')}
        >
          {t('actions.write')}
        </button>
        <DrawModeButton on={mode === 'split'} onToggle={() => session.toggleSplitMode()} title={t('actions.splitTitle')}>
          {t('actions.split')}
        </DrawModeButton>
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.splitInHalves()} title={t('actions.halvesTitle')}>
          {t('actions.halves')}
        </button>
        <DrawModeButton on={mode === 'lasso'} onToggle={() => session.toggleLassoMode()} title={t('actions.lassoTitle')}>
          {t('actions.lasso')}
        </DrawModeButton>
        <button
          type="button"
          className={`${btn.base} ${healWanted ? btn.attention : btn.secondary}`}
          onClick={() => session.heal()}
          title={partition ? t('actions.healTitle') : t('actions.whole')}
        >
          {t('actions.heal')}
        </button>
      </div>
      {mode !== 'select' && (
        <p className="mt-2 text-sm font-semibold text-fuchsia-800 dark:text-fuchsia-300">{mode === 'split' ? t('actions.hintSplit') : t('actions.hintLasso')}</p>
      )}
      <PartitionTools />
    </section>
  );
}
