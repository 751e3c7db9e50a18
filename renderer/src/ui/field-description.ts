import { useId } from 'react';

/**
 * Ids that tie a field to its label, hint and error: the hint and error are
 * read after the field's name (aria-describedby), not as part of it.
 */
export function useFieldIds(hint: string | undefined, error: string | null | undefined) {
  const fieldId = useId();
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { fieldId, hintId, errorId, describedBy };
}
