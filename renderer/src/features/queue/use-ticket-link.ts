import { useEffect } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';

/**
 * Opening the app on a ticket's link selects that ticket, fetching it from the
 * server if it is older than the sync window; and the open ticket's link is
 * always shown, so it can be copied into a handover or a chat.
 */
export function useTicketLink(): void {
  const { db, sync, ticketLinks } = useWorkspace();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const selectTicket = useUiStore((s) => s.selectTicket);
  const showFlash = useUiStore((s) => s.showFlash);

  useEffect(() => {
    const opened = ticketLinks.opened();
    if (!opened) return;
    selectTicket(opened);
    void (async () => {
      if (await db.rows('ticket').get(opened)) return;
      const found = await sync.fetchRoot('ticket', opened).catch(() => null);
      if (found === false) showFlash(`Ticket ${opened} does not exist on the server.`);
      if (found === null) showFlash(`Ticket ${opened} is not on this device and the server cannot be reached.`);
    })();
  }, [db, sync, ticketLinks, selectTicket, showFlash]);

  useEffect(() => {
    if (selectedId) ticketLinks.show(selectedId);
  }, [ticketLinks, selectedId]);
}
