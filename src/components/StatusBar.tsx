import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { useGossip } from '../store/store';
import { oneWayCuts } from '../session/cluster-actions';
import { CopyLinkButton } from './share/CopyLinkButton';
import { selectGraph, selectLinks, selectPartition, selectPartitioned, selectStatus, selectStatusLine, selectWorkerError } from '../store/selectors';

/** Whole percent, but never a misleading 0% or 100% while one node is missing or informed. */
const pct = (x: number): string => {
  const p = x * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  if (p > 0 && p < 1) return `${p.toFixed(1)}%`;
  if (p > 99 && p < 100) return `${Math.min(99.9, Math.floor(p * 10) / 10)}%`;
  return `${Math.round(p)}%`;
};

/** The right end of the status line: what the run is doing, or that an earlier round is shown. */
function runState(line: ReturnType<typeof selectStatusLine>, status: string, stopped: boolean): ReactNode {
  if (stopped) return 'Stopped';
  if (line.catchUpTo !== null) return `Rebuilding the run: round ${line.round} of ${line.catchUpTo}…`;
  if (line.building) return 'Building…';
  if (line.round < line.lastRound) {
    // The hint fits beside the rest of the line only on wide screens; the button itself stands out below.
    return <>Viewing round {line.round} of {line.lastRound}<span className="hidden 2xl:inline"> — press Continue from here to fork</span></>;
  }
  if (line.convergedAt !== null) return `Everyone informed at round ${line.convergedAt}`;
  return status === 'playing' ? 'Playing' : status === 'paused' ? 'Paused' : 'Ready';
}

/** What a room needs to read at a glance: the round, how far the update got, who is up. */
export function StatusBar(): JSX.Element {
  const line = useGossip(useShallow(selectStatusLine));
  const partition = useGossip(selectPartition);
  const partitioned = useGossip(selectPartitioned);
  const links = useGossip(selectLinks);
  const oneWay = oneWayCuts(links);
  const status = useGossip(selectStatus);
  const stopped = useGossip(selectWorkerError) !== null;
  const crashed = line.nodes - line.live;
  const graph = useGossip(selectGraph);
  const { t } = useTranslation('protocols');
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b 2xl:gap-x-6 border-slate-200 bg-white px-4 py-1 dark:border-slate-800 dark:bg-slate-900">
      <p role="status" aria-live="polite" aria-atomic="true" className="text-2xl font-bold tabular-nums">
        Round {line.round} · Informed {pct(line.informed)}
      </p>
      <p className="text-base 2xl:text-lg tabular-nums text-slate-700 dark:text-slate-200">
        <span>{line.live.toLocaleString('en-US')} live</span>
        {' · '}
        <span className={crashed > 0 ? 'font-semibold text-gossip-dropped' : ''}>{crashed.toLocaleString('en-US')} crashed</span>
        {' · '}
        <span>{line.sent.toLocaleString('en-US')} {line.sent === 1 ? 'message' : 'messages'} this round</span>
        {line.busiest !== null && line.busiestTotal !== null && line.round > 0 && (
          // Wide screens only: at 1280 px it pushes Copy link onto a second row (the charts show it).
          <span className="hidden 2xl:inline">
            {' · '}
            <span title={t('load.statusTitle')}>{t('load.status', { round: formatNumber(line.busiest), total: formatNumber(line.busiestTotal) })}</span>
          </span>
        )}
        {line.inFlight > 0 && (
          <>
            {' · '}
            <span>{line.inFlight.toLocaleString('en-US')} in flight</span>
          </>
        )}
        {graph && graph.components > 1 && (
          <>
            {' · '}
            {/* Otherwise a run on a disconnected graph plays on at 99 % with no explanation. */}
            <span className="font-semibold" title={`The graph is in ${graph.components} pieces: nodes outside the largest one can never hear of an update written in it`}>
              {(graph.nodes - graph.largestComponent).toLocaleString('en-US')} unreachable
            </span>
          </>
        )}
      </p>
      <p className="text-base 2xl:text-lg">
        {partition ? (
          <span className="rounded bg-fuchsia-100 px-2 py-0.5 font-semibold text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200">
            {partitioned ? 'Partitioned' : 'Groups, links open'}: {partition.slice(1).filter((n) => n > 0).join(' | ')} nodes
            {partition[0] > 0 ? ` (+${partition[0]} ungrouped)` : ''}
            {oneWay.length > 0 && <span className="hidden 2xl:inline"> · one-way: {oneWay.map(([a, b]) => `${a} → ${b} cut`).join(', ')}</span>}
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">Network whole</span>
        )}
      </p>
      <p className="ml-auto text-base 2xl:text-lg font-semibold text-slate-700 dark:text-slate-200">
        {runState(line, status, stopped)}
      </p>
      <CopyLinkButton />
    </div>
  );
}
