import type { Sql } from '../db/database.ts';

/** A new team's first ticket is #1001 (the column default of workspaces.next_ticket_number). */
export const FIRST_TICKET_NUMBER = 1001;

/**
 * Takes `count` consecutive ticket numbers (#1042…) from the team's counter and
 * returns the first. The update locks the workspace row, the same lock that
 * orders versions (nextWorkspaceVersion), so numbers follow commit order; a
 * rolled-back transaction gives its numbers back, leaving no gaps.
 */
export async function takeTicketNumbers(tx: Sql, workspaceId: string, count: number): Promise<number> {
  const [row] = await tx.query<{ first: number }>(
    'update workspaces set next_ticket_number = next_ticket_number + $2 where id = $1 returning next_ticket_number - $2 as first',
    [workspaceId, count],
  );
  if (!row) throw new Error(`Workspace ${workspaceId} does not exist.`);
  return row.first;
}

/** Records which ticket holds which number, for lookups by number (intake follow-ups, links). */
export async function recordTicketNumbers(
  tx: Sql,
  workspaceId: string,
  entries: readonly { number: number; ticketId: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    'insert into ticket_numbers (workspace_id, number, ticket_id) select $1, unnest($2::int8[]), unnest($3::text[])',
    [workspaceId, entries.map((entry) => entry.number), entries.map((entry) => entry.ticketId)],
  );
}

/** The ticket holding `number` in the team, or null. */
export async function ticketIdByNumber(sql: Sql, workspaceId: string, number: number): Promise<string | null> {
  const [row] = await sql.query<{ ticket_id: string }>(
    'select ticket_id from ticket_numbers where workspace_id = $1 and number = $2',
    [workspaceId, number],
  );
  return row?.ticket_id ?? null;
}

/** Moves the counter past numbers handed out by other means (the demo seed numbers its own tickets). */
export async function setNextTicketNumber(tx: Sql, workspaceId: string, next: number): Promise<void> {
  await tx.query('update workspaces set next_ticket_number = greatest(next_ticket_number, $2) where id = $1', [
    workspaceId,
    next,
  ]);
}
