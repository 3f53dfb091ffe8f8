import type { SetState } from './run-core-slice';

export type Theme = 'light' | 'dark';
/** select: click nodes; split: drag a line to cut in two; lasso: draw a loop to isolate the nodes inside. */
export type CanvasMode = 'select' | 'split' | 'lasso';

export interface ViewSlice {
  theme: Theme;
  mode: CanvasMode;
  /** Keep the run across reloads (the "Remember this run" checkbox). */
  remember: boolean;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setMode(mode: CanvasMode): void;
}

export function preferredTheme(): Theme {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createViewSlice = (set: SetState<ViewSlice>): ViewSlice => ({
  theme: preferredTheme(),
  mode: 'select',
  remember: true,
  setTheme: (theme) => set({ theme }),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
  setMode: (mode) => set({ mode }),
});
