import type { JSX } from 'react';
import { gossipStore, useGossip } from '../store/store';
import { selectNotices } from '../store/selectors';

/** Refused actions and hints, one line each, dismissible; errors are announced at once. */
export function Notices(): JSX.Element | null {
  const notices = useGossip(selectNotices);
  if (notices.length === 0) return null;
  return (
    <ul className="pointer-events-none absolute top-2 left-1/2 z-10 flex w-[min(40rem,90%)] -translate-x-1/2 flex-col gap-2">
      {notices.map((n) => (
        <li
          key={n.id}
          role={n.tone === 'error' ? 'alert' : undefined}
          aria-live={n.tone === 'error' ? undefined : 'polite'}
          className={`pointer-events-auto flex select-none items-start gap-3 rounded-md border px-3 py-2 text-base shadow-md ${
            n.tone === 'error'
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100'
          }`}
        >
          <span className="flex-1">{n.text}</span>
          <button
            type="button"
            aria-label="Dismiss"
            className="rounded px-1 text-lg leading-none hover:bg-black/10"
            onClick={() => gossipStore.getState().dismissNotice(n.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
