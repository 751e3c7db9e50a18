import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Ticket } from '#shared/domain/ticket';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { type ThreadEntry, assembleThread, pendingMessageIds } from './thread.ts';

export interface LiveThread {
  entries: readonly ThreadEntry[];
  /** Messages whose addMessage is still in this device's outbox. */
  pending: ReadonlySet<string>;
}

/** Reads a ticket's messages, legacy follow-ups and the outbox in one snapshot, so they always agree. */
async function readThreadSources(db: ShiftdeskDb, ticketId: string) {
  const [messages, events, outbox] = await Promise.all([
    db.rows('message').where('ticketId').equals(ticketId).toArray(),
    db
      .rows('ticketEvent')
      .where('ticketId')
      .equals(ticketId)
      .filter((event) => event.change.kind === 'customer_message')
      .toArray(),
    // Only message changes: the thread is not read again for every other change queued on this device.
    db.local.outbox.where('name').equals('addMessage').toArray(),
  ]);
  return { ticketId, messages, events, pending: pendingMessageIds(outbox) };
}

/** The ticket's conversation, live; undefined while it is first read. */
export function useThread(db: ShiftdeskDb, ticket: Ticket): LiveThread | undefined {
  const sources = useLiveQuery(() => readThreadSources(db, ticket.id), [db, ticket.id]);
  const { id, body, createdAt, requesterEmail, requesterName, attachments } = ticket;
  return useMemo(() => {
    // The previous ticket's result stays until this one's arrives: never show it under this ticket.
    if (!sources || sources.ticketId !== id) return undefined;
    const opening = { id, body, createdAt, requesterEmail, requesterName, attachments };
    return { entries: assembleThread(opening, sources.messages, sources.events), pending: sources.pending };
  }, [sources, id, body, createdAt, requesterEmail, requesterName, attachments]);
}

/** Reads the thread once, fresh from storage (the stale-reply guard checks at the moment of sending). */
export async function readThread(db: ShiftdeskDb, ticket: Ticket): Promise<ThreadEntry[]> {
  const { messages, events } = await readThreadSources(db, ticket.id);
  return assembleThread(ticket, messages, events);
}
