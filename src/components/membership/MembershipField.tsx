import { useId, type JSX } from 'react';
import { field, fieldLabel } from '../ui-classes';

interface MembershipFieldProps {
  label: string;
  value: string;
  min: number;
  max: number;
  step?: number;
  /** A refusal: shown under the field, announced, and the field marked invalid. */
  problem?: string;
  /** Shown under the field when there is no problem. */
  hint?: string;
  suffix?: string;
  onChange(value: string): void;
}

/** A labelled number input with its refusal message (or hint) right under it. */
export function MembershipField({ label, value, min, max, step = 1, problem, hint, suffix, onChange }: MembershipFieldProps): JSX.Element {
  const id = useId();
  const noteId = `${id}-note`;
  const note = problem ?? hint;
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className={fieldLabel}>{label}</label>
      <div className="flex items-center gap-1.5">
        <input
          id={id}
          type="number"
          className={field}
          value={value}
          min={min}
          max={max}
          step={step}
          aria-invalid={problem ? true : undefined}
          aria-describedby={note ? noteId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix && <span aria-hidden="true" className="text-base font-semibold">{suffix}</span>}
      </div>
      {note && (
        <p id={noteId} role={problem ? 'alert' : undefined} className={`text-sm ${problem ? 'font-semibold text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}`}>
          {note}
        </p>
      )}
    </div>
  );
}
