import type { SessionUser } from '#shared/api/auth';
import type { TicketId } from '#shared/domain/ids';
import type { TicketPriority } from '#shared/domain/ticket';
import { MutationRejected } from '#shared/sync/rejection';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { mutate } from '../../sync/mutate.ts';

/**
 * Sets a ticket's priority locally (it syncs in the background). Returns a
 * message for the agent when the rules refuse the change, otherwise null.
 */
export async function setTicketPriority(
  db: ShiftdeskDb,
  user: SessionUser,
  ticketId: TicketId,
  priority: TicketPriority,
): Promise<string | null> {
  try {
    await mutate(db, user, 'setPriority', { ticketId, priority });
    return null;
  } catch (error) {
    if (error instanceof MutationRejected) return error.message;
    throw error;
  }
}
