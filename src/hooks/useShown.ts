import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is laid out on screen: false while it or an ancestor is `hidden` (a folded
 * drawer, another tab), so a panel that stays mounted can stop asking for data nobody sees.
 */
export function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = (): void => setShown(el.getClientRects().length > 0 && el.offsetWidth > 0);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return shown;
}
