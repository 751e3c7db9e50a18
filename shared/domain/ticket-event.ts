import { z } from 'zod';
import { EpochMs, TicketEventId, TicketId, UserId } from './ids.ts';
import { TicketPriority } from './ticket.ts';

/**
 * The history of a ticket, one row per change. New kinds are added as new
 * members of the union so older rows keep parsing.
 */
const PriorityChanged = z.object({
  kind: z.literal('priority_changed'),
  from: TicketPriority,
  to: TicketPriority,
});

export const TicketEventChange = z.discriminatedUnion('kind', [PriorityChanged]);
export type TicketEventChange = z.infer<typeof TicketEventChange>;

export const TicketEvent = z.object({
  id: TicketEventId,
  ticketId: TicketId,
  actorId: UserId.nullable(),
  at: EpochMs,
  change: TicketEventChange,
});
export type TicketEvent = z.infer<typeof TicketEvent>;
