import { type InputHTMLAttributes, useId } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and read with it (rules, examples). */
  hint?: string;
  /** What is wrong with the value, said next to it; marks the field invalid. */
  error?: string | null;
}

/** A labelled input: the label wraps the field, so clicking it focuses and screen readers name it. */
export function TextField({ label, value, onChange, hint, error, ...input }: TextFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        {...input}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <small id={hintId} className="field__hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field__error">
          {error}
        </small>
      )}
    </label>
  );
}
