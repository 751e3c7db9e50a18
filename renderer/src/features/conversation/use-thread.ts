import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Ticket } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { type ThreadEntry, assembleThread, pendingMessageIds } from './thread.ts';

export interface LiveThread {
  entries: readonly ThreadEntry[];
  /** Messages whose addMessage is still in this device's outbox. */
  pending: ReadonlySet<string>;
  /** Tickets merged into this one that this device does not hold (older than its sync window). */
  missingMerged: number;
}

/**
 * Reads a ticket's messages, legacy follow-ups and the outbox in one snapshot,
 * so they always agree; with those of every ticket merged into it. A merged
 * ticket this device does not hold (older than its window) is counted, so the
 * screen can say its messages are not here.
 */
async function readThreadSources(db: ShiftdeskDb, ticket: Pick<Ticket, 'id' | 'merged'>) {
  const mergedIds = (ticket.merged ?? []).map((entry) => entry.ticketId);
  const ids = [ticket.id, ...mergedIds];
  const [messages, events, outbox, mergedRows] = await Promise.all([
    db.rows('message').where('ticketId').anyOf(ids).toArray(),
    db
      .rows('ticketEvent')
      .where('ticketId')
      .anyOf(ids)
      .filter((event) => event.change.kind === 'customer_message')
      .toArray(),
    // Only message changes: the thread is not read again for every other change queued on this device.
    db.local.outbox.where('name').equals('addMessage').toArray(),
    db.rows('ticket').bulkGet(mergedIds),
  ]);
  const merged = mergedRows.filter((row) => row !== undefined);
  return {
    ticketId: ticket.id,
    messages,
    events,
    merged,
    missingMerged: mergedIds.length - merged.length,
    pending: pendingMessageIds(outbox),
  };
}

/** The ticket's conversation, live; undefined while it is first read. */
export function useThread(db: ShiftdeskDb, ticket: Ticket): LiveThread | undefined {
  const { id, body, createdAt, requesterEmail, requesterName, attachments, merged } = ticket;
  // Re-read when the merged list changes (a merge or unmerge), not on every change of the ticket.
  const mergedKey = (merged ?? []).map((entry) => entry.ticketId).join(',');
  const sources = useLiveQuery(
    () => readThreadSources(db, { id, merged }),
    // mergedKey stands for merged: the list is read again when its members change.
    [db, id, mergedKey],
  );
  return useMemo(() => {
    // The previous ticket's result stays until this one's arrives: never show it under this ticket.
    if (!sources || sources.ticketId !== id) return undefined;
    const opening = { id, body, createdAt, requesterEmail, requesterName, attachments };
    return {
      entries: assembleThread(opening, sources.messages, sources.events, sources.merged),
      pending: sources.pending,
      missingMerged: sources.missingMerged,
    };
  }, [sources, id, body, createdAt, requesterEmail, requesterName, attachments]);
}

/** Reads the thread once, fresh from storage (the stale-reply guard checks at the moment of sending). */
export async function readThread(db: ShiftdeskDb, ticket: Ticket): Promise<ThreadEntry[]> {
  const { messages, events, merged } = await readThreadSources(db, ticket);
  return assembleThread(ticket, messages, events, merged);
}
