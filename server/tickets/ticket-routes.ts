import type { FastifyInstance } from 'fastify';
import { ZodError, z } from 'zod';
import { API_ROUTES } from '#shared/api/routes';
import { TicketId } from '#shared/domain/ids';
import type { AppDeps } from '../app-deps.ts';
import { requireUser } from '../auth/require-user.ts';
import { HttpError, parseOrThrow } from '../http/errors.ts';
import { rateLimitConfig } from '../http/rate-limits.ts';
import { readRow } from '../sync/sync-rows.ts';

const TicketParams = z.object({ id: TicketId });

/** Read access for integrations and scripts; the app itself reads through sync. */
export function registerTicketRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  app.get(API_ROUTES.ticket, { config: { rateLimit: rateLimitConfig('session', config) } }, async (request) => {
    const user = await requireUser(db, request);
    const { id } = parseOrThrow(TicketParams, request.params, 'The ticket id');
    const ticket = await readRow(db, user.workspaceId, 'ticket', id).catch((error: unknown) => {
      if (error instanceof ZodError) {
        request.log.warn({ err: error, ticketId: id }, 'a stored ticket does not match its schema');
        throw new HttpError(
          409,
          'damaged',
          `Ticket ${id} is stored in a shape this server cannot read; the log has details.`,
        );
      }
      throw error;
    });
    if (!ticket) throw new HttpError(404, 'not_found', `Ticket ${id} does not exist.`);
    return ticket;
  });
}
