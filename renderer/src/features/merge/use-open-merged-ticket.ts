import { useCallback } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { useOpenTicket } from '../ticket-panel/use-open-ticket.ts';

/**
 * Opens a ticket of a merge, fetching it from the server first when this
 * device does not hold it (a duplicate closed longer ago than its window).
 */
export function useOpenMergedTicket(): (ticketId: string) => void {
  const { db, sync } = useWorkspace();
  const openTicket = useOpenTicket();
  const showFlash = useUiStore((s) => s.showFlash);
  return useCallback(
    (ticketId: string) => {
      void (async () => {
        if (!(await db.rows('ticket').get(ticketId))) {
          const found = await sync.fetchRoot('ticket', ticketId).catch(() => null);
          if (found === null) showFlash('That ticket is not on this device and the server cannot be reached.');
          if (found === false) showFlash('That ticket no longer exists on the server.');
          if (!found) return;
        }
        openTicket(ticketId);
      })();
    },
    [db, sync, openTicket, showFlash],
  );
}
