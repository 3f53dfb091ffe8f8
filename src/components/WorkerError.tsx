import type { JSX } from 'react';
import { useSession } from '../hooks/useSession';
import { useGossip } from '../store/store';
import { selectWorkerError } from '../store/selectors';
import { btn } from './ui-classes';

/** The engine worker died or hung: say so, and offer a fresh start. */
export function WorkerError(): JSX.Element | null {
  const error = useGossip(selectWorkerError);
  const session = useSession();
  if (!error) return null;
  return (
    <div role="alert" className="flex items-center gap-4 border-b border-red-300 bg-red-50 px-4 py-2 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="flex-1 text-lg">
        <strong>The simulation stopped.</strong> {error}
      </p>
      <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => session.restart()}>
        Restart
      </button>
    </div>
  );
}
