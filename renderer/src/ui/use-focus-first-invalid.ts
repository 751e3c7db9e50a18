import { type RefObject, useEffect } from 'react';

/**
 * After a form is refused (by its own checks or the server), puts the cursor
 * in the first field marked invalid, so the fix starts where the message is.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, problems: object): void {
  useEffect(() => {
    if (Object.keys(problems).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, problems]);
}
