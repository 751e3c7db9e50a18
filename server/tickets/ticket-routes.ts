import { ZodError } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';
import { listRows, readRow } from '../sync/sync-rows.ts';
import { searchArchive } from './archive-search.ts';

/** Read access for integrations and scripts; the app itself reads through sync. */
export function ticketHandlers({ db }: AppDeps): Pick<Handlers, 'ticket' | 'ticketMessages' | 'archiveSearch'> {
  return {
    ticket: async ({ params: { id }, principal, request }) => {
      const ticket = await readRow(db, principal.user.workspaceId, 'ticket', id).catch((error: unknown) => {
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
    },

    ticketMessages: async ({ params: { id }, principal }) => {
      const workspaceId = principal.user.workspaceId;
      if (!(await readRow(db, workspaceId, 'ticket', id)))
        throw new HttpError(404, 'not_found', `Ticket ${id} does not exist.`);
      const messages = await listRows(db, workspaceId, 'message', 'ticketId', id);
      return { messages: messages.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)) };
    },

    archiveSearch: async ({ body, principal }) => searchArchive(db, principal.user, body.query, body.limit),
  };
}
