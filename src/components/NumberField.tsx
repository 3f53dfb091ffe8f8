import { useId, type JSX } from 'react';
import type { FieldNote } from '../run/form';
import { field, fieldLabel } from './ui-classes';

interface NumberFieldProps {
  label: string;
  value: string;
  min: number;
  max: number;
  step?: number;
  note?: FieldNote;
  /** Unit shown after the input (not part of its name). */
  suffix?: string;
  /** Ask phones for the digits-only keypad (off where a field takes decimals: some have no point). */
  numericKeypad?: boolean;
  onChange(value: string): void;
}

/** A labelled number input whose clamp or refusal message (or hint) sits right under it; both modes' settings use it. */
export function NumberField({ label, value, min, max, step = 1, note, suffix, numericKeypad = true, onChange }: NumberFieldProps): JSX.Element {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className={fieldLabel}>{label}</label>
      <div className="flex items-center gap-1.5">
        <input
          id={id}
          type="number"
          inputMode={numericKeypad ? 'numeric' : undefined}
          className={field}
          value={value}
          min={min}
          max={max}
          step={step}
          aria-invalid={note?.tone === 'adjusted' ? true : undefined}
          aria-describedby={note ? noteId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix && <span aria-hidden="true" className="text-base font-semibold">{suffix}</span>}
      </div>
      {note && (
        <p
          id={noteId}
          role={note.tone === 'adjusted' ? 'alert' : undefined}
          className={`text-sm ${note.tone === 'adjusted' ? 'font-semibold text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}`}
        >
          {note.text}
        </p>
      )}
    </div>
  );
}
