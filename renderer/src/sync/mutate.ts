import type { SessionUser } from '#shared/api/auth';
import type { MutationArgs, MutationName } from '#shared/sync/mutators/registry';
import { MutationRejected } from '#shared/sync/rejection';
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

/** One change of a batch: a mutation by name with its arguments. */
export interface BatchChange<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs<N>;
}

export interface BatchOutcome {
  /** Indexes (into the changes) made locally, each with its own outbox entry. */
  applied: number[];
  /** Indexes the rules refused, with the reason, e.g. a ticket someone else holds. */
  refused: { index: number; message: string }[];
}

/**
 * A bulk action: every change and its outbox entry in ONE IndexedDB
 * transaction (so the batch lands whole or not at all, and live lists update
 * once), one mutation per ticket (so the server judges each on its own). A
 * change the rules refuse is left out and reported; the rest still apply.
 */
export async function mutateBatch(
  db: ShiftdeskDb,
  actor: Pick<SessionUser, 'id' | 'role'>,
  changes: readonly BatchChange[],
  options: { now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<BatchOutcome> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db);
    let mutationId = state.nextMutationId;
    const outcome: BatchOutcome = { applied: [], refused: [] };
    const tx = dexieMutatorTx(db);
    for (const [index, change] of changes.entries()) {
      try {
        await runMutation(tx, change.name, change.args, {
          actor: { id: actor.id, role: actor.role },
          now,
          clientId: state.clientId,
          mutationId,
        });
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
        outcome.refused.push({ index, message: error.message });
        continue;
      }
      await db.local.outbox.add({ id: mutationId, name: change.name, args: change.args, createdAt: now });
      outcome.applied.push(index);
      mutationId++;
      // Every 100 changes, so a selection of thousands shows it is moving without a render per ticket.
      if (index % 100 === 99) options.onProgress?.(index + 1, changes.length);
    }
    await writeSyncState(db, { ...state, nextMutationId: mutationId });
    return outcome;
  });
}
