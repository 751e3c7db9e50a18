import type { Ref } from 'react';
import { FieldNotes } from '../../../ui/FieldNotes.tsx';
import { useFieldIds } from '../../../ui/field-description.ts';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
  maxLength?: number;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled text area, its rules and any problem under it and tied to it (the TextField of long answers). */
export function TextAreaField({
  label,
  value,
  onChange,
  error,
  hint,
  maxLength,
  rows = 3,
  textareaRef,
}: TextAreaFieldProps) {
  const { fieldId, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        ref={textareaRef}
        id={fieldId}
        value={value}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
