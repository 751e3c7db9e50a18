import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { type NewId, randomId, readSyncState, writeSyncState } from '../db/sync-state.ts';
import { ClientId } from '#shared/domain/ids';

/** The server confirmed fewer of our mutations than it once had: it lost data (reset, or restored from a backup). */
export function serverRegressed(confirmed: number, ackedThrough: number): boolean {
  return confirmed < ackedThrough;
}

/**
 * Recovers from a server that lost state, without losing this device's pending
 * changes: take a new client id (the server's record of the old one can no
 * longer be trusted), renumber the outbox from 1 so the strict in-order rule
 * accepts it, and forget the cookie so the next pull brings the full state.
 * Call inside a read-write transaction over `db.syncTables()`.
 */
export async function startOverAsNewClient(db: ShiftdeskDb, newId: NewId = randomId): Promise<void> {
  const state = await readSyncState(db, newId);
  const pending = await db.local.outbox.orderBy('id').toArray();
  await db.local.outbox.clear();
  await db.local.outbox.bulkAdd(pending.map((entry, index) => ({ ...entry, id: index + 1 })));
  await writeSyncState(db, {
    ...state,
    previousClientIds: [state.clientId, ...state.previousClientIds].slice(0, 20),
    clientId: ClientId.parse(newId()),
    cookie: null,
    resume: null,
    nextMutationId: pending.length + 1,
    ackedThrough: 0,
  });
}
