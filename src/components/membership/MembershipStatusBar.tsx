import type { JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { statusLine } from '../../run/membership-summary';
import { useMembership, type MembershipState } from '../../store/membership-store';
import { CopyLinkButton } from '../share/CopyLinkButton';

const selectLine = (s: MembershipState) => ({
  text: statusLine({ round: s.round, nodes: s.nodes, live: s.live, protocol: s.applied?.protocol ?? 'swim', summary: s.summary }),
  protocol: s.applied?.protocol ?? 'swim',
  nodes: s.nodes,
  loss: s.loss,
  partitioned: s.partitioned,
  state: s.workerError ? 'Stopped' : s.building ? 'Building…' : s.round < s.lastRound ? `Viewing round ${s.round} of ${s.lastRound}` : s.status === 'playing' ? 'Playing' : s.status === 'paused' ? 'Paused' : 'Ready',
});

/** The membership run at a glance; the only role=status on the page while this mode is shown. */
export function MembershipStatusBar(): JSX.Element {
  const l = useMembership(useShallow(selectLine));
  return (
    <div className="flex flex-wrap items-center gap-x-5 border-b border-slate-200 bg-white px-4 py-1 md:flex-nowrap dark:border-slate-800 dark:bg-slate-900">
      <p role="status" aria-live="polite" aria-atomic="true" className="text-xl font-bold tabular-nums md:shrink-0 2xl:text-2xl">{l.text}</p>
      <p className="min-w-0 truncate text-base text-slate-700 2xl:text-lg dark:text-slate-200">
        {l.protocol === 'swim' ? 'SWIM' : 'Heartbeat'} · {l.nodes.toLocaleString('en-US')} nodes · {Math.round(l.loss * 1000) / 10} % loss
        {l.partitioned && (
          <span className="ml-2 rounded bg-fuchsia-100 px-2 py-0.5 font-semibold text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200">Partitioned</span>
        )}
      </p>
      <p className="ml-auto shrink-0 text-base font-semibold 2xl:text-lg text-slate-700 dark:text-slate-200">{l.state}</p>
      <CopyLinkButton />
    </div>
  );
}
