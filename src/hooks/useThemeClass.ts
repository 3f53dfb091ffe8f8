import { useEffect } from 'react';
import type { Theme } from '../store/view-slice';

/** Puts the theme on <html> so Tailwind's dark: variant and the page background follow it. */
export function useThemeClass(theme: Theme): void {
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
}
