import type { JSX } from 'react';
import { selectNotices, selectWorkerError, useMembership } from '../../store/membership-store';
import { btn } from '../ui-classes';
import { membershipSession } from './session-instance';

/** Refusals and hints over the graph, dismissible; a stopped worker with a restart button. */
export function MembershipNotices(): JSX.Element | null {
  const notices = useMembership(selectNotices);
  const error = useMembership(selectWorkerError);
  if (notices.length === 0 && !error) return null;
  return (
    <ul className="pointer-events-none absolute top-2 left-1/2 z-20 flex w-[min(40rem,90%)] -translate-x-1/2 flex-col gap-2">
      {error && (
        <li role="alert" className="pointer-events-auto flex items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-base text-red-900 shadow-md dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <span className="flex-1">{error}</span>
          <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => membershipSession().restart()}>Restart</button>
        </li>
      )}
      {notices.map((n) => (
        <li
          key={n.id}
          role={n.tone === 'error' ? 'alert' : undefined}
          aria-live={n.tone === 'error' ? undefined : 'polite'}
          className={`pointer-events-auto flex items-start gap-3 rounded-md border px-3 py-2 text-base shadow-md ${
            n.tone === 'error'
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100'
          }`}
        >
          <span className="flex-1">{n.text}</span>
          <button type="button" aria-label="Dismiss" className="rounded px-1 text-lg leading-none hover:bg-black/10" onClick={() => membershipSession().dismissNotice(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
