import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { useGossip } from '../store/store';
import { oneWayCuts } from '../session/cluster-actions';
import { CopyLinkButton } from './share/CopyLinkButton';
import { RunHeld } from './RunHeld';
import { selectRunConfig, selectGraph, selectLinks, selectPartition, selectPartitioned, selectStatus, selectStatusLine, selectWorkerError } from '../store/selectors';
import type { TFunction } from 'i18next';

/** Whole percent, but never a misleading 0% or 100% while one node is missing or informed. */
const pct = (x: number): string => {
  const p = x * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  if (p > 0 && p < 1) return `${p.toFixed(1)}%`;
  if (p > 99 && p < 100) return `${Math.min(99.9, Math.floor(p * 10) / 10)}%`;
  return `${Math.round(p)}%`;
};

/** The right end of the status line: what the run is doing, or that an earlier round is shown. */
function runState(line: ReturnType<typeof selectStatusLine>, status: string, stopped: boolean, t: TFunction<['details', 'common', 'protocols']>): ReactNode {
  if (stopped) return t('common:runState.stopped');
  if (line.catchUpTo !== null) return t('status.rebuilding', { round: line.round, target: line.catchUpTo });
  if (line.building) return t('common:runState.building');
  if (line.round < line.lastRound) {
    // The hint fits beside the rest of the line only on wide screens; the button itself stands out below.
    return <>{t('status.viewing', { round: line.round, last: line.lastRound })}<span className="hidden 2xl:inline">{t('status.fork')}</span></>;
  }
  if (line.convergedAt !== null) return t('status.converged', { round: line.convergedAt });
  return status === 'playing' ? t('common:runState.playing') : status === 'paused' ? t('common:runState.paused') : t('common:runState.ready');
}

/** What a room needs to read at a glance: the round, how far the update got, who is up. */
export function StatusBar(): JSX.Element {
  const { t } = useTranslation(['details', 'common', 'protocols']);
  const primaryBackup = useGossip(selectRunConfig).protocol === 'primary-backup';
  const line = useGossip(useShallow(selectStatusLine));
  const partition = useGossip(selectPartition);
  const partitioned = useGossip(selectPartitioned);
  const links = useGossip(selectLinks);
  const oneWay = oneWayCuts(links);
  const status = useGossip(selectStatus);
  const stopped = useGossip(selectWorkerError) !== null;
  const crashed = line.nodes - line.live;
  const graph = useGossip(selectGraph);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b 2xl:gap-x-6 border-slate-200 bg-white px-4 py-1 dark:border-slate-800 dark:bg-slate-900">
      <p role="status" aria-live="polite" aria-atomic="true" className="text-xl font-bold tabular-nums xl:text-2xl">
        {t('status.line', { round: line.round, informed: pct(line.informed) })}
      </p>
      <p className="text-base 2xl:text-lg tabular-nums text-slate-700 dark:text-slate-200">
        <span>{t('status.live', { n: formatNumber(line.live) })}</span>
        {' · '}
        <span className={crashed > 0 ? 'font-semibold text-gossip-dropped' : ''}>{t('status.crashed', { n: formatNumber(crashed) })}</span>
        {' · '}
        <span>{t('status.messages', { count: line.sent, n: formatNumber(line.sent) })}</span>
        {line.busiest !== null && line.busiestTotal !== null && line.round > 0 && (
          // Primary-backup's point is the primary's load: always shown. For gossip, wide screens only
          // (at 1280 px it pushes Copy link onto a second row; the charts show it).
          <span className={primaryBackup ? '' : 'hidden 2xl:inline'}>
            {' · '}
            <span title={t('protocols:load.statusTitle')}>{t('protocols:load.status', { round: formatNumber(line.busiest), total: formatNumber(line.busiestTotal) })}</span>
          </span>
        )}
        {line.inFlight > 0 && (
          <>
            {' · '}
            <span>{t('status.inFlight', { n: formatNumber(line.inFlight) })}</span>
          </>
        )}
        {graph && graph.components > 1 && (
          <>
            {' · '}
            {/* Otherwise a run on a disconnected graph plays on at 99 % with no explanation. */}
            <span className="font-semibold" title={t('status.pieces', { count: graph.components })}>
              {t('status.unreachable', { n: formatNumber(graph.nodes - graph.largestComponent) })}
            </span>
          </>
        )}
        <RunHeld />
      </p>
      {/* "Network whole" is the usual state: below 1280 px the line has room only for a partition. */}
      <p className={`text-base 2xl:text-lg ${partition ? '' : 'hidden xl:block'}`}>
        {partition ? (
          <span className="rounded bg-fuchsia-100 px-2 py-0.5 font-semibold text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200">
            {t('status.groups', { state: partitioned ? t('status.partitioned') : t('status.groupsOpen'), sizes: partition.slice(1).filter((n) => n > 0).join(' | ') })}
            {partition[0] > 0 ? t('status.ungrouped', { count: partition[0] }) : ''}
            {oneWay.length > 0 && <span className="hidden 2xl:inline">{t('status.oneWay', { cuts: oneWay.map(([a, b]) => t('status.cut', { from: a, to: b })).join(', ') })}</span>}
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">{t('status.whole')}</span>
        )}
      </p>
      <p className="ml-auto text-base 2xl:text-lg font-semibold text-slate-700 dark:text-slate-200">
        {runState(line, status, stopped, t)}
      </p>
      <CopyLinkButton />
    </div>
  );
}
