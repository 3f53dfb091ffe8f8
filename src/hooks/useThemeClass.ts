import { useEffect } from 'react';
import type { Theme } from '../store/view-slice';

/** Puts the theme on <html> so Tailwind's dark: variant, the high-contrast overrides (index.css) and the page background follow it. */
export function useThemeClass(theme: Theme): void {
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.classList.toggle('contrast', theme === 'contrast');
  }, [theme]);
}
