import { z } from 'zod';
import { CustomerId, EpochMs, TicketId } from '../domain/ids.ts';
import { TicketPriority, TicketStatus } from '../domain/ticket.ts';

/** A server-side search of every ticket, including those older than the sync window. */
export const ArchiveSearchRequest = z.object({
  query: z.string().trim().min(2, 'type at least 2 characters').max(200),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ArchiveSearchRequest = z.input<typeof ArchiveSearchRequest>;

export const ArchivedTicketSummary = z.object({
  id: TicketId,
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  customerId: CustomerId,
  requesterName: z.string(),
  updatedAt: EpochMs,
});
export type ArchivedTicketSummary = z.infer<typeof ArchivedTicketSummary>;

export const ArchiveSearchResponse = z.object({ results: z.array(ArchivedTicketSummary) });
export type ArchiveSearchResponse = z.infer<typeof ArchiveSearchResponse>;
