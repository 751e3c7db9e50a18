import type { SessionUser } from '#shared/api/auth';
import type { ClientId } from '#shared/domain/ids';
import { ENTITY_NAMES, type EntityName, isMutableEntityName } from '#shared/sync/entities';
import type { PatchOp, PullResponse } from '#shared/sync/protocol';
import { MutationRejected } from '#shared/sync/rejection';
import { runMutation } from '#shared/sync/run-mutation';
import { type ShadowRow, type ShiftdeskDb, shadowKey } from '../db/shiftdesk-db.ts';
import { readSyncState, writeSyncState } from '../db/sync-state.ts';
import { dexieMutatorTx } from './dexie-mutator-tx.ts';
import { serverRegressed, startOverAsNewClient } from './server-regression.ts';

export type ApplyPullOutcome =
  /** The local state moved on since the request (another tab synced): nothing applied, pull again. */
  | 'stale'
  /** A page of a full-state pull was applied; more pages follow. */
  | 'partial'
  /** Applied, and the cookie moved: the local copy is as current as the response. */
  | 'complete'
  /** The server forgot mutations it had confirmed; this device started over as a new client. */
  | 'server_regressed';

/** What a pull request was based on, to detect responses that no longer fit the local state. */
export interface PullBase {
  cookie: string | null;
  resume: string | null;
}

/**
 * Applies one pull response and rebases, in one IndexedDB transaction:
 *  1. patch ops write server rows (into the shadow where a pending change sits
 *     on top of the row, so the optimistic value stays visible);
 *  2. acknowledged outbox entries are dropped;
 *  3. every shadow is restored (the live rows are now pure server state) and the
 *     remaining outbox entries are replayed through the shared mutators.
 * A mutation the server rejected is simply not replayed, so its effect vanishes.
 */
export async function applyPull(
  db: ShiftdeskDb,
  actor: Pick<SessionUser, 'id' | 'role'>,
  base: PullBase,
  response: PullResponse,
  now = Date.now(),
): Promise<ApplyPullOutcome> {
  return db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db);
    if (state.cookie !== base.cookie || state.resume !== base.resume) return 'stale';

    const confirmed = response.lastMutationIdChanges[state.clientId];
    if (confirmed !== undefined && serverRegressed(confirmed, state.ackedThrough)) {
      await startOverAsNewClient(db);
      return 'server_regressed';
    }

    await applyPatch(db, response.patch);
    if (confirmed !== undefined) await db.outbox.where('id').belowOrEqual(confirmed).delete();
    await rebase(db, actor, state.clientId);

    const complete = response.resume === null;
    await writeSyncState(db, {
      ...state,
      cookie: complete ? response.cookie : state.cookie,
      resume: response.resume,
      ackedThrough: Math.max(state.ackedThrough, confirmed ?? 0),
      lastSyncedAt: complete ? now : state.lastSyncedAt,
    });
    return complete ? 'complete' : 'partial';
  });
}

/**
 * Writes a patch with bulk operations (a full-state page is thousands of rows).
 * The server sends each row at most once per response and `clear` only first,
 * so grouping by entity keeps the patch's meaning.
 */
async function applyPatch(db: ShiftdeskDb, patch: readonly PatchOp[]): Promise<void> {
  let shadows = new Map((await db.shadows.toArray()).map((shadow) => [shadow.key, shadow]));
  const changedShadows = new Map<string, ShadowRow>();
  const puts = new Map<EntityName, { id: string }[]>();
  const deletes = new Map<EntityName, string[]>();

  for (const op of patch) {
    if (op.op === 'clear') {
      // Rejection notices are this device's own history (with local dismissals): a full pull re-sends them.
      const cleared = ENTITY_NAMES.filter((entity) => entity !== 'rejection');
      await Promise.all([...cleared.map((entity) => db.tableFor(entity).clear()), db.shadows.clear()]);
      shadows = new Map();
      changedShadows.clear();
      puts.clear();
      deletes.clear();
      continue;
    }
    const id = op.op === 'put' ? op.value.id : op.id;
    const shadow = isMutableEntityName(op.entity) ? shadows.get(shadowKey(op.entity, id)) : undefined;
    if (shadow) {
      const row = op.op === 'put' ? (op.value as ShadowRow['row']) : null;
      changedShadows.set(shadow.key, { ...shadow, row });
    } else if (op.op === 'put') {
      appendTo(puts, op.entity, op.value);
    } else {
      appendTo(deletes, op.entity, id);
    }
  }

  await keepDismissals(db, puts.get('rejection'));
  for (const [entity, rows] of puts) await db.tableFor(entity).bulkPut(rows as never[]);
  for (const [entity, ids] of deletes) await db.tableFor(entity).bulkDelete(ids);
  if (changedShadows.size > 0) await db.shadows.bulkPut([...changedShadows.values()]);
}

/** A re-sent rejection keeps the agent's local dismissal. */
async function keepDismissals(db: ShiftdeskDb, rows: { id: string }[] | undefined): Promise<void> {
  if (!rows?.length) return;
  const existing = await db.rejections.bulkGet(rows.map((row) => row.id));
  rows.forEach((row, index) => {
    const dismissedAt = existing[index]?.dismissedAt;
    if (dismissedAt !== undefined) Object.assign(row, { dismissedAt });
  });
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function rebase(db: ShiftdeskDb, actor: Pick<SessionUser, 'id' | 'role'>, clientId: ClientId): Promise<void> {
  const shadows = await db.shadows.toArray();
  if (shadows.length === 0 && (await db.outbox.count()) === 0) return;
  for (const shadow of shadows) {
    const table = db.tableFor(shadow.entity);
    if (shadow.row) await table.put(shadow.row);
    else await table.delete(shadow.id);
  }
  await db.shadows.clear();

  const tx = dexieMutatorTx(db);
  for (const entry of await db.outbox.orderBy('id').toArray()) {
    try {
      await runMutation(tx, entry.name, entry.args, {
        actor: { id: actor.id, role: actor.role },
        now: entry.createdAt,
        clientId,
        mutationId: entry.id,
      });
    } catch (error) {
      // Locally impossible now (e.g. the ticket was deleted on the server): the
      // server will reject it too and tell the agent why. Anything else is a bug.
      if (!(error instanceof MutationRejected)) throw error;
    }
  }
}
