import type { SessionUser } from '#shared/api/auth';
import type { MutationArgs, MutationName } from '#shared/sync/mutators/registry';
import { runMutation } from '#shared/sync/run-mutation';
import { readSyncState, writeSyncState } from '../db/sync-state.ts';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { dexieMutatorTx } from './dexie-mutator-tx.ts';

/**
 * Makes a change locally first: the optimistic write and its outbox entry land
 * in one IndexedDB transaction, so neither exists without the other. If the
 * shared mutator rejects the change (no permission, ticket gone) nothing is
 * written and the MutationRejected error reaches the caller to show.
 *
 * No network here: the sync engine (in whichever window leads) watches the
 * outbox and pushes.
 */
export async function mutate<N extends MutationName>(
  db: ShiftdeskDb,
  actor: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
  now = Date.now(),
): Promise<number> {
  return db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db);
    const mutationId = state.nextMutationId;
    await runMutation(dexieMutatorTx(db), name, args, {
      actor: { id: actor.id, role: actor.role },
      now,
      clientId: state.clientId,
      mutationId,
    });
    await db.local.outbox.add({ id: mutationId, name, args, createdAt: now });
    await writeSyncState(db, { ...state, nextMutationId: mutationId + 1 });
    return mutationId;
  });
}
