import type { SessionUser } from '#shared/api/auth';
import { type ArchiveSearchResponse, ArchivedTicketSummary } from '#shared/api/archive';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';

const SEARCH_TIMEOUT_MS = 5_000;

/** `50%_off` matches literally: the agent's text is never a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Finds tickets by id, subject or requester across the whole history, newest
 * first. A plain scan: it serves the occasional look into the archive, not the
 * queue (which searches locally).
 */
export async function searchArchive(
  db: Database,
  user: SessionUser,
  query: string,
  limit: number,
): Promise<ArchiveSearchResponse> {
  const rows = await db
    .transaction(async (tx) => {
      // A search of the whole history must not hold the database: past this, the agent is asked to narrow it.
      await tx.query(`set local statement_timeout = ${SEARCH_TIMEOUT_MS}`);
      return tx.query<{ data: unknown }>(
        `select data from sync_rows
        where workspace_id = $1 and entity = 'ticket' and not deleted
          and (id = $2 or data->>'subject' ilike $3 or data->>'requesterEmail' ilike $3 or data->>'requesterName' ilike $3)
        order by case when jsonb_typeof(data->'updatedAt') = 'number' then (data->>'updatedAt')::numeric end desc nulls last
        limit $4`,
        [user.workspaceId, query, likePattern(query), limit],
      );
    })
    .catch((error: unknown) => {
      if ((error as { code?: unknown }).code === '57014') {
        throw new HttpError(
          503,
          'search_too_slow',
          'The archive search took too long. Try a more specific search (a ticket id, an email).',
        );
      }
      throw error;
    });
  return {
    results: rows.flatMap((row) => {
      const parsed = ArchivedTicketSummary.safeParse(row.data);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}
