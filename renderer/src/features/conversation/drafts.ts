import { useLiveQuery } from 'dexie-react-hooks';
import type { MacroActions } from '#shared/domain/macro';
import type { AgentMessageKind } from '#shared/domain/message';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import type { Draft } from '../../db/local-tables.ts';
import { newestConfirmedAt, pendingMessageIds } from './thread.ts';

/**
 * Drafts live in IndexedDB on this device (local table `drafts`), one per
 * ticket, written as the agent types: a reload, a crash or going offline keeps
 * every word. Sending or discarding deletes the draft.
 */

/**
 * The newest message time on a ticket the agent can see now: where a new
 * draft's stale-reply guard starts. Only messages the server has confirmed
 * count: their times are the server's, like those of the teammates' messages
 * the guard compares with; one still in this device's outbox carries the
 * device's clock, which may run ahead or behind.
 */
export async function newestMessageAt(db: ShiftdeskDb, ticketId: string): Promise<number> {
  const messages = await db.rows('message').where('ticketId').equals(ticketId).toArray();
  const unconfirmed = pendingMessageIds(await db.local.outbox.where('name').equals('addMessage').toArray());
  return newestConfirmedAt(messages, unconfirmed);
}

export async function readDraft(db: ShiftdeskDb, ticketId: string): Promise<Draft | undefined> {
  return db.local.drafts.get(ticketId);
}

/**
 * Saves what the agent wrote. A draft that did not exist starts now, and
 * remembers the newest message the agent could see (or `seenUpTo`, when the
 * composer knows better: what was on screen when the agent opened it).
 */
export async function writeDraft(
  db: ShiftdeskDb,
  ticketId: string,
  change: { kind: AgentMessageKind; body: string; macroId?: string; actions?: MacroActions; seenUpTo?: number },
  now = Date.now(),
): Promise<void> {
  const seenUpTo = change.seenUpTo ?? (await newestMessageAt(db, ticketId));
  await db.transaction('rw', db.local.drafts, async () => {
    const existing = await db.local.drafts.get(ticketId);
    const draft: Draft = {
      ticketId,
      kind: change.kind,
      body: change.body,
      startedAt: existing?.startedAt ?? now,
      seenUpTo: existing?.seenUpTo ?? seenUpTo,
      updatedAt: now,
      ...(change.macroId !== undefined
        ? { macroId: change.macroId }
        : existing?.macroId
          ? { macroId: existing.macroId }
          : {}),
      ...(change.actions !== undefined
        ? { actions: change.actions }
        : existing?.actions
          ? { actions: existing.actions }
          : {}),
    };
    await db.local.drafts.put(draft);
  });
}

/** The agent has now seen everything up to `seenUpTo` (they chose "send anyway" or "edit" after the guard stopped them). */
export async function markDraftSeen(db: ShiftdeskDb, ticketId: string, seenUpTo: number): Promise<void> {
  await db.local.drafts.update(ticketId, { seenUpTo });
}

/** Forgets the macro's ticket changes, keeping the text (the agent removed them from the composer). */
export async function dropDraftActions(db: ShiftdeskDb, ticketId: string): Promise<void> {
  const existing = await db.local.drafts.get(ticketId);
  if (!existing) return;
  const { actions: _actions, macroId: _macroId, ...rest } = existing;
  await db.local.drafts.put(rest);
}

export async function discardDraft(db: ShiftdeskDb, ticketId: string): Promise<void> {
  await db.local.drafts.delete(ticketId);
}

/** The ticket's draft, live; undefined while reading, null when there is none. */
export function useDraft(db: ShiftdeskDb, ticketId: string | undefined): Draft | null | undefined {
  return useLiveQuery(async () => (ticketId ? ((await db.local.drafts.get(ticketId)) ?? null) : null), [db, ticketId]);
}
