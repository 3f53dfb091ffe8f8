import { useEffect } from 'react';
import type { MembershipSession } from '../../store/membership-session';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'button', 'submit', 'checkbox', 'radio'].includes(target.type);
}

/**
 * The presenter keys of Dissemination for the membership run — Space plays or pauses, → steps,
 * R resets, Esc clears the selection — active only while this mode is mounted. Listening in
 * the capture phase and marking the key handled keeps the dissemination shortcuts (which skip
 * handled keys) from acting on their hidden run at the same time.
 */
export function useMembershipKeys(session: MembershipSession): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const onRange = e.target instanceof HTMLInputElement && e.target.type === 'range';
      // Arrow keys on the mode tabs move between the tabs.
      const onTab = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'tab';
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          e.preventDefault();
          if (!e.repeat) session.togglePlay();
          return;
        case 'ArrowRight':
          if (onRange || onTab) return;
          e.preventDefault();
          session.step();
          return;
        case 'r':
        case 'R':
          e.preventDefault();
          if (!e.repeat) session.reset();
          return;
        case 'Escape':
          e.preventDefault();
          session.escape();
          return;
        default:
      }
    };
    const onKeyUp = (e: KeyboardEvent): void => {
      if (e.key === ' ' && !isTextEntry(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, [session]);
}
