import type { InputHTMLAttributes } from 'react';
import { FieldNotes } from './FieldNotes.tsx';
import { useFieldIds } from './field-description.ts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and read after its name (rules, examples). */
  hint?: string;
  /** What is wrong with the value, said next to it; marks the field invalid. */
  error?: string | null;
}

/** A labelled input, with its rules and any problem under it and tied to it for screen readers. */
export function TextField({ label, value, onChange, hint, error, ...input }: TextFieldProps) {
  const { fieldId, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        {...input}
        id={fieldId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
