import { useId, useState, type JSX, type ReactNode } from 'react';

interface DisclosureProps {
  title: string;
  /** One line shown beside the title, so a closed section still says what it holds. */
  digest: string;
  /** Opens the section whenever this turns true (e.g. a preset sets something inside it). */
  openWhen: boolean;
  children: ReactNode;
}

/**
 * A collapsible group of settings (native <details>, so it opens with Enter or Space and
 * announces its state). It opens by itself when its settings start to matter, and otherwise
 * remembers what the user chose.
 */
export function Disclosure({ title, digest, openWhen, children }: DisclosureProps): JSX.Element {
  const [open, setOpen] = useState(openWhen);
  const [wasWanted, setWasWanted] = useState(openWhen);
  // Adjusting state during render when the prop flips: React's pattern for "derived on change".
  if (openWhen !== wasWanted) {
    setWasWanted(openWhen);
    if (openWhen) setOpen(true);
  }
  // Not derived from the title: a Chinese title has no \w characters, and every id would be the same.
  const id = `disclosure${useId().replace(/:/g, '')}`;
  return (
    <details
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      className="rounded-md border border-slate-200 dark:border-slate-700"
    >
      <summary className="flex cursor-pointer items-baseline gap-x-2 px-2 py-1 select-none [&::-webkit-details-marker]:hidden" aria-describedby={`${id}-digest`}>
        <span aria-hidden="true" className={`inline-block w-3 text-sm transition-transform ${open ? 'rotate-90' : ''}`}>▸</span>
        <span className="shrink-0 text-sm font-bold">{title}</span>
        <span id={`${id}-digest`} className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-300">{digest}</span>
      </summary>
      <div className="grid grid-cols-2 gap-x-3 gap-y-2 px-2 pt-1 pb-2">{children}</div>
    </details>
  );
}
