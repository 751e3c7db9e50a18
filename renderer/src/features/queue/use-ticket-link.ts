import { useEffect } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { useQueueViewStore } from './queue-view-store.ts';

/**
 * Opening the app on a link (or reloading) restores the view and selects the
 * ticket, fetching it from the server if it is older than the sync window;
 * and where the agent is always shows as a link, so it can be copied into a
 * handover or a chat and survives a reload.
 */
export function useTicketLink(): void {
  const { db, sync, ticketLinks } = useWorkspace();
  const selectedId = useUiStore((s) => s.selectedTicketId);
  const selectTicket = useUiStore((s) => s.selectTicket);
  const showFlash = useUiStore((s) => s.showFlash);
  const viewId = useQueueViewStore((s) => s.viewId);
  const showView = useQueueViewStore((s) => s.showView);

  useEffect(() => {
    const opened = ticketLinks.opened();
    // A saved view that no longer exists falls back to the default view where views are resolved.
    if (opened.viewId) showView(opened.viewId);
    const ticketId = opened.ticketId;
    if (!ticketId) return;
    selectTicket(ticketId);
    void (async () => {
      if (await db.rows('ticket').get(ticketId)) return;
      const found = await sync.fetchRoot('ticket', ticketId).catch(() => null);
      if (found === false) showFlash(`Ticket ${ticketId} does not exist on the server.`);
      if (found === null) showFlash(`Ticket ${ticketId} is not on this device and the server cannot be reached.`);
    })();
    // Only on opening: later the store is the source and the address follows it.
  }, [db, sync, ticketLinks, selectTicket, showFlash, showView]);

  useEffect(() => {
    ticketLinks.show({ ticketId: selectedId, viewId });
  }, [ticketLinks, selectedId, viewId]);
}
