import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket } from '#shared/domain/ticket';
import { type QueryRecord, toQueryRecord } from '#shared/query/query-record';
import { type ViewContext, matchesFilter } from '#shared/query/view-match';
import { compareBy, effectiveSort, sortSignature } from '#shared/query/view-sort';
import { QUEUE_ORDER, type ViewDefinition } from '#shared/query/view-definition';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { readSlaConfig } from '../db/read-sla-config.ts';

/** The compound index the first screen of a queue-ordered view is read from (declared in local-schema.ts). */
export const QUEUE_ORDER_INDEX = '[status+priority+createdAt]';

const QUEUE_SIGNATURE = sortSignature(QUEUE_ORDER);
const RECENT_SIGNATURE = sortSignature([{ field: 'updatedAt', direction: 'desc' }]);

/**
 * The first rows of a view read straight from IndexedDB indexes, for the
 * moments before the query layer holds every ticket (opening the app with
 * 100,000 of them takes seconds to load; the first screen must not wait).
 * Only views ordered like the queue or by most recent change can be read this
 * way; for the rest it returns null and the list waits for the query layer.
 */
export async function readViewPreview(
  db: ShiftdeskDb,
  view: ViewDefinition,
  context: ViewContext,
  limit: number,
): Promise<QueryRecord[] | null> {
  if (view.filter.text !== undefined) return null;
  const signature = sortSignature(effectiveSort(view));
  const sla = await readSlaConfig(db);
  const toRecord = (ticket: Ticket) => toQueryRecord(ticket, sla);
  const matches = (ticket: Ticket) => matchesFilter(toRecord(ticket), view.filter, context);
  if (signature === QUEUE_SIGNATURE) return readQueueOrdered(db, view, matches, toRecord, limit);
  if (signature === RECENT_SIGNATURE) {
    const rows = await db.rows('ticket').orderBy('updatedAt').reverse().filter(matches).limit(limit).toArray();
    return rows.map(toRecord);
  }
  return null;
}

/**
 * Priority by priority, most urgent first: within one priority each status's
 * tickets come oldest first from the compound index, and are merged. A
 * priority's statuses are read together, so the answer is in queue order.
 */
async function readQueueOrdered(
  db: ShiftdeskDb,
  view: ViewDefinition,
  matches: (ticket: Ticket) => boolean,
  toRecord: (ticket: Ticket) => QueryRecord,
  limit: number,
): Promise<QueryRecord[]> {
  const statuses = view.filter.statuses ?? TICKET_STATUSES;
  const priorities = TICKET_PRIORITIES.filter((p) => view.filter.priorities?.includes(p) ?? true);
  const compare = compareBy(QUEUE_ORDER);
  const found: QueryRecord[] = [];
  for (const priority of priorities) {
    const perStatus = await Promise.all(
      statuses.map((status) =>
        db
          .rows('ticket')
          .where(QUEUE_ORDER_INDEX)
          .between([status, priority, -Infinity], [status, priority, Infinity])
          .filter(matches)
          .limit(limit - found.length)
          .toArray(),
      ),
    );
    const merged = perStatus.flat().map(toRecord).sort(compare);
    found.push(...merged.slice(0, limit - found.length));
    if (found.length >= limit) break;
  }
  return found;
}
