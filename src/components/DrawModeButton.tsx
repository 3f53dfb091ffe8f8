import type { JSX } from 'react';
import { btn } from './ui-classes';

/** Turns a drawing mode (a split line, a lasso) on, shown pressed, or back off — the same button in both modes. */
export function DrawModeButton({ on, onToggle, disabled = false, title, children }: {
  on: boolean;
  onToggle(): void;
  disabled?: boolean;
  title: string;
  children: string;
}): JSX.Element {
  return (
    <button type="button" className={`${btn.base} ${on ? btn.pressed : btn.secondary}`} aria-pressed={on} disabled={disabled} onClick={onToggle} title={title}>
      {children}
    </button>
  );
}
