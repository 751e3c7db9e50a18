import { useCallback } from 'react';
import { useUiStore } from '../../state/ui-store.ts';

/** The detail header's subject, focusable, so opening a ticket from the panel lands the keyboard on it. */
export const DETAIL_SUBJECT_ID = 'ticket-detail-subject';

/**
 * Opens a ticket in the queue's detail pane, as the queue does (the address
 * follows, see use-ticket-link.ts), and moves the focus to its subject: the
 * button that was pressed is gone with the panel it was in, and a screen
 * reader hears which ticket is open now.
 */
export function useOpenTicket(): (ticketId: string) => void {
  const selectTicket = useUiStore((s) => s.selectTicket);
  return useCallback(
    (ticketId: string) => {
      selectTicket(ticketId);
      // After the detail pane has rendered the ticket (a live query away): focus its subject then.
      const started = performance.now();
      const focusWhenShown = () => {
        const detail = document.querySelector(
          `[data-testid="ticket-detail"][data-ticket-id="${CSS.escape(ticketId)}"]`,
        );
        const subject = detail?.querySelector<HTMLElement>(`#${DETAIL_SUBJECT_ID}`);
        if (subject) subject.focus();
        else if (performance.now() - started < 2_000) requestAnimationFrame(focusWhenShown);
      };
      requestAnimationFrame(focusWhenShown);
    },
    [selectTicket],
  );
}
