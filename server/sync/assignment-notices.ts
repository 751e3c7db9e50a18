import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.ts';
import type { LiveHub } from '../live/live-hub.ts';
import type { CommittedMutation } from './server-mutations.ts';
import { readRow } from './sync-rows.ts';

/**
 * After a lead hands a ticket to someone, that person hears about it at once
 * (a desktop notification), wherever they are in the app. Runs after commit:
 * a handover that rolled back must not be announced.
 */
export function announceAssignment(db: Database, liveHub: LiveHub) {
  return (committed: CommittedMutation, log: FastifyBaseLogger): void => {
    if (committed.name !== 'assignTicket') return;
    const { ticketId, assigneeId } = committed.args as { ticketId: string; assigneeId: string | null };
    if (!assigneeId || assigneeId === committed.ctx.actor.id) return;
    void (async () => {
      const [ticket, actor] = await Promise.all([
        readRow(db, committed.workspaceId, 'ticket', ticketId),
        readRow(db, committed.workspaceId, 'member', committed.ctx.actor.id),
      ]);
      if (!ticket || ticket.assigneeId !== assigneeId) return;
      liveHub.notify({
        workspaceId: committed.workspaceId,
        userId: assigneeId,
        title: `${(actor?.name ?? 'A lead').slice(0, 150)} assigned you a ticket`,
        body: ticket.subject.slice(0, 1_000),
        ticketId,
      });
    })().catch((error: unknown) => log.warn({ err: error }, 'could not announce an assignment'));
  };
}
