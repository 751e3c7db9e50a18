import { type ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { newClientId, readSyncState, writeSyncState } from '../db/sync-state.ts';

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
export async function startOverAsNewClient(db: ShiftdeskDb): Promise<void> {
  const state = await readSyncState(db);
  const pending = await db.outbox.orderBy('id').toArray();
  await db.outbox.clear();
  await db.outbox.bulkAdd(pending.map((entry, index) => ({ ...entry, id: index + 1 })));
  await writeSyncState(db, {
    ...state,
    clientId: newClientId(),
    cookie: null,
    resume: null,
    nextMutationId: pending.length + 1,
    ackedThrough: 0,
  });
}
