interface FieldNotesProps {
  hintId: string;
  errorId: string;
  hint?: string;
  error?: string | null;
}

/** The rules under a field and, when there is one, what is wrong with its value. */
export function FieldNotes({ hintId, errorId, hint, error }: FieldNotesProps) {
  return (
    <>
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
    </>
  );
}
