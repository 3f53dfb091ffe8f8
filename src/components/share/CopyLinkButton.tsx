import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeptRuns } from '../../hooks/useKeptRuns';
import { useRun, useRunSession } from '../../hooks/useRun';
import { copyText, linkUrl, showInAddressBar } from '../../share/address-bar';
import { encodeRunLinkChecked } from '../../share/run-link';
import type { RunCoreSlice } from '../../store/run-core-slice';
import { btn } from '../ui-classes';

/**
 * Copy link: the whole run — settings, seed, every action, the round shown — in the URL, so
 * whoever opens it rebuilds exactly this run at this round. It also goes into the address bar,
 * where it can be copied by hand if the clipboard is refused.
 */
const selectBuilding = (s: RunCoreSlice) => s.building;

export function CopyLinkButton(): JSX.Element {
  const { t } = useTranslation('share');
  const session = useRunSession();
  const building = useRun(selectBuilding);
  const keptRuns = useKeptRuns();
  const copy = async (): Promise<void> => {
    const run = session.currentRun();
    if (!run) return;
    // A spreading run's link carries the runs kept to compare with it (their settings, not their data).
    const kept = keptRuns?.specs() ?? [];
    const link = encodeRunLinkChecked(run.model !== 'membership' && kept.length > 0 ? { ...run, kept } : run);
    if (!link.ok) {
      session.say('error', link.reason);
      return;
    }
    const url = linkUrl(link.hash);
    showInAddressBar(url);
    const kb = Math.max(1, Math.round(url.length / 1024));
    if (await copyText(url)) session.say('info', t('copied', { kb, round: run.round }));
    else session.say('info', t('inAddressBar', { kb, round: run.round }));
  };
  return (
    <button
      type="button"
      className={`${btn.base} ${btn.secondary} shrink-0 px-2 py-1 text-sm`}
      onClick={() => void copy()}
      disabled={building}
      title={t('copyLinkTitle')}
    >
      {t('copyLink')}
    </button>
  );
}
