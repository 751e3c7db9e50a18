import type { Ticket } from '#shared/domain/ticket';
import type { Sql } from '../db/database.ts';
import { readRow } from '../sync/sync-rows.ts';

/** Merges are flattened to one link (merge-tickets.ts); the bound only guards against a damaged row. */
const MAX_HOPS = 10;

/**
 * Where a customer's words about `ticket` belong: the ticket itself, or, when
 * it was merged as a duplicate, the canonical ticket it went into. A merged
 * ticket is closed and its conversation shows on the canonical one, whose
 * replies reach this requester too; a follow-up filed on the duplicate would
 * reopen nothing and be seen by nobody working the flood. When the canonical
 * ticket is gone (or the chain is damaged), the last ticket reached is kept.
 */
export async function followMerge(
  sql: Sql,
  workspaceId: string,
  ticket: Ticket,
  options: { forUpdate?: boolean } = {},
): Promise<Ticket> {
  let current = ticket;
  for (let hop = 0; current.mergedInto && hop < MAX_HOPS; hop++) {
    const next = await readRow(sql, workspaceId, 'ticket', current.mergedInto.ticketId, options);
    if (!next) break;
    current = next;
  }
  return current;
}
