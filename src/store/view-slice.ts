import type { SetState } from './run-core-slice';

/** 'contrast': black on white, ringed nodes and doubled links, for washed-out projectors. */
export type Theme = 'light' | 'dark' | 'contrast';
/** select: click nodes; split: drag a line to cut in two; lasso: draw a loop to isolate the nodes inside. */
export type CanvasMode = 'select' | 'split' | 'lasso';

export interface ViewSlice {
  theme: Theme;
  mode: CanvasMode;
  /** Keep the run across reloads (the "Remember this run" checkbox). */
  remember: boolean;
  /** Light ↔ dark (from high contrast: dark). */
  toggleTheme(): void;
  /** High contrast on, or back to light. */
  toggleContrast(): void;
}

export function preferredTheme(): Theme {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createViewSlice = (set: SetState<ViewSlice>): ViewSlice => ({
  theme: preferredTheme(),
  mode: 'select',
  remember: true,
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
  toggleContrast: () => set((s) => ({ theme: s.theme === 'contrast' ? 'light' : 'contrast' })),
});
