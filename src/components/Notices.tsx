import type { JSX } from 'react';
import { useRun, useRunSession } from '../hooks/useRun';
import type { RunCoreSlice } from '../store/run-core-slice';
import { NoticeItem } from './NoticeItem';

const selectNotices = (s: RunCoreSlice) => s.notices;

/**
 * The shown run's refused actions and hints over its graph, one line each, dismissible; errors
 * are announced at once. `offset` moves them below controls that float over the graph's top.
 */
export function Notices({ offset = 'top-2' }: { offset?: string }): JSX.Element | null {
  const session = useRunSession();
  const notices = useRun(selectNotices);
  if (notices.length === 0) return null;
  return (
    <ul className={`pointer-events-none absolute ${offset} left-1/2 z-10 flex w-[min(40rem,90%)] -translate-x-1/2 flex-col gap-2`}>
      {/* select-none: a drag (pan, lasso) that starts on a notice selects no text. */}
      {notices.map((n) => <NoticeItem key={n.id} notice={n} onDismiss={(id) => session.dismissNotice(id)} className="select-none" />)}
    </ul>
  );
}
