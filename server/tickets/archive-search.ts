import type { SessionUser } from '#shared/api/auth';
import { type ArchiveSearchResponse, ArchivedTicketSummary } from '#shared/api/archive';
import type { Database } from '../db/database.ts';

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
  const rows = await db.query<{ data: unknown }>(
    `select data from sync_rows
      where workspace_id = $1 and entity = 'ticket' and not deleted
        and (id = $2 or data->>'subject' ilike $3 or data->>'requesterEmail' ilike $3 or data->>'requesterName' ilike $3)
      order by (data->>'updatedAt')::int8 desc limit $4`,
    [user.workspaceId, query, likePattern(query), limit],
  );
  return {
    results: rows.flatMap((row) => {
      const parsed = ArchivedTicketSummary.safeParse(row.data);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}
