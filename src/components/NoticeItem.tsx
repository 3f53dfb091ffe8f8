import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

export interface NoticeLine {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

/** One refusal or hint over the graph, dismissible; an error is announced at once, a hint politely. Both modes list theirs with it. */
export function NoticeItem({ notice: n, onDismiss, className = '' }: { notice: NoticeLine; onDismiss(id: number): void; className?: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <li
      role={n.tone === 'error' ? 'alert' : undefined}
      aria-live={n.tone === 'error' ? undefined : 'polite'}
      className={`pointer-events-auto flex items-start gap-3 rounded-md border px-3 py-2 text-base shadow-md ${className} ${
        n.tone === 'error'
          ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
          : 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100'
      }`}
    >
      <span className="flex-1">{n.text}</span>
      <button type="button" aria-label={t('notice.dismiss')} className="rounded px-1 text-lg leading-none hover:bg-black/10" onClick={() => onDismiss(n.id)}>
        ×
      </button>
    </li>
  );
}
