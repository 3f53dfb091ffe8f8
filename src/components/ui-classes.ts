/**
 * Shared Tailwind class strings, so every control has the same size, contrast and focus ring.
 * Sizes are generous: the page is read from the back of a lecture room.
 */
export const btn = {
  base: 'inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50',
  primary: 'bg-sky-800 text-white hover:bg-sky-900 dark:bg-sky-700 dark:hover:bg-sky-600',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  attention: 'bg-amber-500 text-slate-950 ring-4 ring-amber-300 hover:bg-amber-400 dark:ring-amber-700',
  pressed: 'bg-fuchsia-700 text-white hover:bg-fuchsia-800 dark:bg-fuchsia-600',
} as const;

export const panel = 'rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900';
export const sectionTitle = 'mb-2 text-sm font-bold uppercase tracking-wide text-slate-600 dark:text-slate-300';
export const field = 'w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100';
export const fieldLabel = 'text-sm font-semibold text-slate-700 dark:text-slate-200';
