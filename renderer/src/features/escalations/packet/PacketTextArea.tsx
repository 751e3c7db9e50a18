import { FieldNotes } from '../../../ui/FieldNotes.tsx';
import { useFieldIds } from '../../../ui/field-description.ts';

interface PacketTextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  maxLength: number;
  rows?: number;
  hint?: string;
  readOnly: boolean;
  /** Still needed before the packet can go (the checklist says why). */
  missing: boolean;
  autoFocus?: boolean;
  testId?: string;
}

/** A labelled multi-line packet field; plain text, never rendered as markup. */
export function PacketTextArea({
  label,
  value,
  onChange,
  onBlur,
  maxLength,
  rows = 3,
  hint,
  readOnly,
  missing,
  autoFocus,
  testId,
}: PacketTextAreaProps) {
  const { fieldId, hintId, errorId, describedBy } = useFieldIds(hint, null);
  return (
    <div className={`field packet-field${missing ? ' packet-field--missing' : ''}`}>
      <label htmlFor={fieldId}>
        {label}
        {missing && <span className="packet-field__needed"> (needed)</span>}
      </label>
      <textarea
        id={fieldId}
        value={value}
        rows={rows}
        maxLength={maxLength}
        readOnly={readOnly}
        aria-describedby={describedBy}
        // In a dialog opening, the dialog focuses it; shown later (adding evidence), React does.
        data-autofocus={autoFocus ? true : undefined}
        autoFocus={autoFocus}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={null} />
    </div>
  );
}
