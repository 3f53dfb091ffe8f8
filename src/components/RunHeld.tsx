import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { DENSITY_THRESHOLD } from '../engine/limits';
import { formatNumber } from '../i18n';
import { useGossip } from '../store/store';
import type { GossipState } from '../store/store';

const selectHeld = (s: GossipState) => s.held;
const selectNodes = (s: GossipState) => s.graph?.nodes ?? 0;

/**
 * What the run's time travel holds in the worker, for runs in the density view: at a million
 * nodes each checkpoint is ~10 MB, so the status says how many there are and how much they take.
 */
export function RunHeld(): JSX.Element | null {
  const { t } = useTranslation('scale');
  const held = useGossip(selectHeld);
  const nodes = useGossip(selectNodes);
  if (!held || nodes <= DENSITY_THRESHOLD) return null;
  return (
    <>
      {' · '}
      <span title={t('held.title')}>
        {t('held.label', { checkpoints: formatNumber(held.checkpoints), megabytes: formatNumber(held.bytes / 1e6, 0), spacing: formatNumber(held.spacing) })}
      </span>
    </>
  );
}
