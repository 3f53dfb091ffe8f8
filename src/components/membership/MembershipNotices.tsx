import type { JSX } from 'react';
import { selectNotices, selectWorkerError, useMembership } from '../../store/membership-store';
import { NoticeItem } from '../NoticeItem';
import { btn } from '../ui-classes';
import { membershipSession } from '../../session/page-instances';

/** Refusals and hints over the graph, dismissible; a stopped worker with a restart button. */
export function MembershipNotices(): JSX.Element | null {
  const notices = useMembership(selectNotices);
  const error = useMembership(selectWorkerError);
  if (notices.length === 0 && !error) return null;
  return (
    <ul className="pointer-events-none absolute top-12 left-1/2 z-20 flex w-[min(40rem,90%)] -translate-x-1/2 flex-col gap-2">
      {error && (
        <li role="alert" className="pointer-events-auto flex items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-base text-red-900 shadow-md dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <span className="flex-1">{error}</span>
          <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => membershipSession().restart()}>Restart</button>
        </li>
      )}
      {notices.map((n) => <NoticeItem key={n.id} notice={n} onDismiss={(id) => membershipSession().dismissNotice(id)} />)}
    </ul>
  );
}
