import type { SessionUser } from '#shared/api/auth';
import type { ClientId } from '#shared/domain/ids';
import { isEntityName } from '#shared/sync/entities';
import { MutationRejected } from '#shared/sync/rejection';
import { runMutation } from '#shared/sync/run-mutation';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { dexieMutatorTx } from './dexie-mutator-tx.ts';

/**
 * Puts the server's rows back under every pending change, then replays what is
 * still pending on top: imported changes first (they were made earlier, on
 * another device), then this device's outbox, each in order. Call inside a
 * read-write transaction over `db.syncTables()`.
 */
export async function rebase(
  db: ShiftdeskDb,
  actor: Pick<SessionUser, 'id' | 'role'>,
  clientId: ClientId,
): Promise<void> {
  const [shadows, own, imported] = await Promise.all([
    db.local.shadows.toArray(),
    db.local.outbox.orderBy('id').toArray(),
    db.local.importedOutbox.toArray(),
  ]);
  if (shadows.length === 0 && own.length === 0 && imported.length === 0) return;

  const restore = new Map<string, { puts: unknown[]; deletes: string[] }>();
  for (const shadow of shadows) {
    if (!isEntityName(shadow.entity)) continue;
    const entry = restore.get(shadow.entity) ?? { puts: [], deletes: [] };
    if (shadow.row) entry.puts.push(shadow.row);
    else entry.deletes.push(shadow.id);
    restore.set(shadow.entity, entry);
  }
  for (const [entity, { puts, deletes }] of restore) {
    if (!isEntityName(entity)) continue;
    await db.rows(entity).bulkPut(puts as never[]);
    await db.rows(entity).bulkDelete(deletes);
  }
  await db.local.shadows.clear();

  imported.sort(
    (a, b) =>
      a.importedAt - b.importedAt || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0) || a.id - b.id,
  );
  const tx = dexieMutatorTx(db);
  const replay = [
    ...imported.map((entry) => ({ ...entry, clientId: entry.clientId })),
    ...own.map((entry) => ({ ...entry, clientId })),
  ];
  for (const entry of replay) {
    try {
      await runMutation(tx, entry.name, entry.args, {
        actor: { id: actor.id, role: actor.role },
        now: entry.createdAt,
        clientId: entry.clientId,
        mutationId: entry.id,
      });
    } catch (error) {
      // Locally impossible now (e.g. the ticket was deleted on the server): the
      // server will reject it too and tell the agent why. Anything else is a bug.
      if (!(error instanceof MutationRejected)) throw error;
    }
  }
}
