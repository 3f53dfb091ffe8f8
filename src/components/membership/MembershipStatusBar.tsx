import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { statusLine } from '../../run/membership-summary';
import { useMembership, type MembershipState } from '../../store/membership-store';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { useTranslation } from 'react-i18next';
import { formatNumber, i18next } from '../../i18n';

const selectLine = (s: MembershipState) => ({
  text: statusLine({ round: s.round, nodes: s.nodes, live: s.live, protocol: s.applied?.protocol ?? 'swim', summary: s.summary }),
  protocol: s.applied?.protocol ?? 'swim',
  nodes: s.nodes,
  loss: s.loss,
  partitioned: s.partitioned,
  state: s.workerError ? i18next.t('common:runState.stopped') : s.building ? i18next.t('common:runState.building')
    : s.round < s.lastRound ? i18next.t('common:runState.viewing', { round: s.round, last: s.lastRound })
      : s.status === 'playing' ? i18next.t('common:runState.playing') : s.status === 'paused' ? i18next.t('common:runState.paused') : i18next.t('common:runState.ready'),
});

/** The membership run at a glance; the only role=status on the page while this mode is shown. */
export function MembershipStatusBar(): JSX.Element {
  const { t } = useTranslation('membership'); // also re-renders the line (worded in the selector) on a language switch
  const l = useMembership(useShallow(selectLine));
  return (
    <div className="flex flex-wrap items-center gap-x-5 border-b border-slate-200 bg-white px-4 py-1 md:flex-nowrap dark:border-slate-800 dark:bg-slate-900">
      <p role="status" aria-live="polite" aria-atomic="true" className="text-base font-bold tabular-nums md:shrink-0 xl:text-xl 2xl:text-2xl">{l.text}</p>
      <p className="min-w-0 truncate text-base text-slate-700 2xl:text-lg dark:text-slate-200">
        {t('bar.line', { protocol: t(l.protocol === 'swim' ? 'bar.swim' : 'bar.heartbeat'), nodes: formatNumber(l.nodes), loss: formatNumber(l.loss * 100, 1) })}
        {l.partitioned && (
          <span className="ml-2 rounded bg-fuchsia-100 px-2 py-0.5 font-semibold text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200">{t('bar.partitioned')}</span>
        )}
      </p>
      <p className="ml-auto shrink-0 text-base font-semibold 2xl:text-lg text-slate-700 dark:text-slate-200">{l.state}</p>
      <CopyLinkButton />
    </div>
  );
}
