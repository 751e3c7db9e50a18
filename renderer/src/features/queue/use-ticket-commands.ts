import { useCallback } from 'react';
import type { Ticket, TicketPriority, TicketStatus } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { runTicketAction } from './ticket-actions.ts';

/** What an agent can do to the ticket in front of them, from a key or a button. */
export type TicketCommand =
  | { kind: 'priority'; priority: TicketPriority }
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string };

/** Runs a command on a ticket locally (it syncs in the background); refusals are flashed. */
export function useTicketCommands(): (ticket: Ticket, command: TicketCommand) => Promise<void> {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  return useCallback(
    async (ticket, command) => {
      const ticketId = ticket.id;
      let refusal: string | null = null;
      switch (command.kind) {
        case 'priority':
          if (ticket.priority === command.priority) return;
          refusal = await runTicketAction(db, user, 'setPriority', { ticketId, priority: command.priority });
          break;
        case 'status':
          if (ticket.status === command.status) return;
          refusal = await runTicketAction(db, user, 'setStatus', {
            ticketId,
            status: command.status,
            expectedStatus: ticket.status,
          });
          break;
        case 'claim':
          refusal = await runTicketAction(db, user, 'claimTicket', { ticketId });
          break;
        case 'release':
          refusal = await runTicketAction(db, user, 'releaseTicket', { ticketId });
          break;
        case 'addTag':
          refusal = await runTicketAction(db, user, 'addTag', { ticketId, tag: command.tag });
          break;
        case 'removeTag':
          refusal = await runTicketAction(db, user, 'removeTag', { ticketId, tag: command.tag });
          break;
      }
      if (refusal) showFlash(refusal);
    },
    [db, user, showFlash],
  );
}
