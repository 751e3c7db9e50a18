import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to a screen's heading when the screen opens, so keyboard and
 * screen reader users land where the new content starts (the heading needs tabIndex -1).
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}
