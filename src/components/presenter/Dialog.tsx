import { useEffect, useRef, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { btn } from '../ui-classes';

/**
 * A modal dialog on the browser's own <dialog>: it traps focus, Esc closes it, and the page
 * behind is inert — what a keyboard or clicker user needs, without hand-written focus code.
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }): JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto ${wide ? 'max-w-3xl' : 'max-w-xl'} rounded-xl border border-slate-300 bg-white p-6 text-slate-900 shadow-2xl backdrop:bg-black/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100`}
    >
      <div className="mb-4 flex items-center gap-4">
        <h2 className="flex-1 text-2xl font-bold">{title}</h2>
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={onClose} autoFocus>{t('dialog.close')}</button>
      </div>
      {children}
    </dialog>
  );
}
