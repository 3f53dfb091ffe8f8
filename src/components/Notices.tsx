import type { JSX } from 'react';
import { gossipStore, useGossip } from '../store/store';
import { selectNotices } from '../store/selectors';
import { NoticeItem } from './NoticeItem';

const dismiss = (id: number): void => gossipStore.getState().dismissNotice(id);

/** Refused actions and hints, one line each, dismissible; errors are announced at once. */
export function Notices(): JSX.Element | null {
  const notices = useGossip(selectNotices);
  if (notices.length === 0) return null;
  return (
    <ul className="pointer-events-none absolute top-2 left-1/2 z-10 flex w-[min(40rem,90%)] -translate-x-1/2 flex-col gap-2">
      {/* select-none: a drag (pan, lasso) that starts on a notice selects no text. */}
      {notices.map((n) => <NoticeItem key={n.id} notice={n} onDismiss={dismiss} className="select-none" />)}
    </ul>
  );
}
