import type { SessionUser } from '#shared/api/auth';
import { ENTITY_NAMES, type EntityName, isRootEntityName } from '#shared/sync/entities';
import type { PatchOp, PullResponse, SetAsideRow } from '#shared/sync/protocol';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { shadowKey } from '../db/shiftdesk-db.ts';
import type { ShadowRow } from '../db/local-tables.ts';
import { type NewId, randomId, readSyncState, writeSyncState } from '../db/sync-state.ts';
import { rebase } from './rebase.ts';
import { serverRegressed, startOverAsNewClient } from './server-regression.ts';

export type ApplyPullOutcome =
  /** The local state moved on since the request (another window synced): nothing applied, pull again. */
  | 'stale'
  /** A page of a paged pull was applied; more pages follow. */
  | 'partial'
  /** Applied, and the cookie moved: the local copy is as current as the response. */
  | 'complete'
  /** The server forgot mutations it had confirmed; this device started over as a new client. */
  | 'server_regressed';

export interface ApplyPullResult {
  outcome: ApplyPullOutcome;
  /** Roots that came back into the window which this device did not hold (queued in `pendingFetches`). */
  missingRoots: { entity: string; id: string }[];
  /** Rows set aside by this pull (already stored; the engine reports them). */
  setAside: number;
}

/** What a pull request was based on, to detect responses that no longer fit the local state. */
export interface PullBase {
  cookie: string | null;
  resume: string | null;
  /** When the request left: imported changes confirmed before then are in the answer. */
  requestedAt: number;
}

/**
 * Applies one pull response and rebases, in one IndexedDB transaction:
 *  1. patch ops write server rows (into the shadow where a pending change sits
 *     on top of the row, so the optimistic value stays visible); rows this
 *     device cannot accept are set aside with the reason, never blocking the rest;
 *  2. acknowledged outbox entries are dropped;
 *  3. on the last page (or after `clear`), every shadow is restored (the live
 *     rows are now pure server state) and what is still pending is replayed
 *     through the shared mutators. Pages in between skip the rebase: nothing
 *     is acknowledged there, and replaying a long outbox per page made a big
 *     catch-up quadratic.
 * A mutation the server rejected is simply not replayed, so its effect vanishes.
 */
export async function applyPull(
  db: ShiftdeskDb,
  actor: Pick<SessionUser, 'id' | 'role'>,
  base: PullBase,
  response: PullResponse,
  options: { now?: number; newId?: NewId } = {},
): Promise<ApplyPullResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.syncTables(), async () => {
    const state = await readSyncState(db, options.newId);
    if (state.cookie !== base.cookie || state.resume !== base.resume)
      return { outcome: 'stale', missingRoots: [], setAside: 0 };

    const confirmed = response.lastMutationIdChanges[state.clientId];
    if (confirmed !== undefined && serverRegressed(confirmed, state.ackedThrough)) {
      await startOverAsNewClient(db, options.newId ?? randomId);
      return { outcome: 'server_regressed', missingRoots: [], setAside: 0 };
    }

    const missingRoots = await absentRoots(db, response.revisited);
    const cleared = await applyPatch(db, response.patch);
    if (cleared) await db.local.pendingFetches.clear();
    if (missingRoots.length > 0) {
      await db.local.pendingFetches.bulkPut(
        missingRoots.map((root) => ({ key: `${root.entity}/${root.id}`, ...root, since: now })),
      );
    }
    await setAside(db, response.setAside, now);
    if (confirmed !== undefined) await db.local.outbox.where('id').belowOrEqual(confirmed).delete();
    const complete = response.resume === null;
    if (complete) {
      await db.local.importedOutbox
        .filter((entry) => entry.confirmedAt !== null && entry.confirmedAt <= base.requestedAt)
        .delete();
    }
    if (complete || cleared) await rebase(db, actor, state.clientId);

    await writeSyncState(db, {
      ...state,
      // After `clear` the old cookie describes data that is gone: forget it, so a refused resume
      // token restarts the download instead of asking for changes on top of an empty table.
      cookie: complete ? response.cookie : cleared ? null : state.cookie,
      resume: response.resume,
      ackedThrough: Math.max(state.ackedThrough, confirmed ?? 0),
      lastSyncedAt: complete ? now : state.lastSyncedAt,
    });
    return { outcome: complete ? 'complete' : 'partial', missingRoots, setAside: response.setAside.length };
  });
}

async function absentRoots(db: ShiftdeskDb, revisited: PullResponse['revisited']) {
  const roots = revisited.filter((root) => isRootEntityName(root.entity)) as { entity: EntityName; id: string }[];
  const present = await Promise.all(roots.map((root) => db.rows(root.entity).get(root.id)));
  return roots.filter((_, index) => present[index] === undefined);
}

/**
 * Writes a patch with bulk operations (a full-download page is thousands of
 * rows). The server sends each row at most once per response and `clear` only
 * first, so grouping by entity keeps the patch's meaning. Returns whether it cleared.
 */
async function applyPatch(db: ShiftdeskDb, patch: readonly PatchOp[]): Promise<boolean> {
  let cleared = false;
  const puts = new Map<EntityName, { id: string }[]>();
  const deletes = new Map<EntityName, string[]>();
  for (const op of patch) {
    if (op.op === 'clear') {
      await Promise.all([
        ...ENTITY_NAMES.map((entity) => db.rows(entity).clear()),
        db.local.shadows.clear(),
        db.local.fetchedRoots.clear(),
        db.local.setAside.clear(),
      ]);
      cleared = true;
      puts.clear();
      deletes.clear();
    } else if (op.op === 'put') {
      appendTo(puts, op.entity, op.value);
    } else {
      appendTo(deletes, op.entity, op.id);
    }
  }

  // Rows under a pending change go to their shadow; the live row keeps the optimistic value until the rebase.
  // (Most pages, a whole download among them, meet no shadow at all: skip the lookups then.)
  const shadowed = new Set<string>();
  if ((await db.local.shadows.count()) > 0) {
    const keys = [
      ...[...puts].flatMap(([entity, rows]) => rows.map((row) => shadowKey(entity, row.id))),
      ...[...deletes].flatMap(([entity, ids]) => ids.map((id) => shadowKey(entity, id))),
    ];
    for (const shadow of await db.local.shadows.bulkGet(keys)) if (shadow) shadowed.add(shadow.key);
  }
  const shadowUpdates: ShadowRow[] = [];
  for (const [entity, rows] of puts) {
    const live = rows.filter((row) => !shadowed.has(shadowKey(entity, row.id)));
    for (const row of rows) {
      if (shadowed.has(shadowKey(entity, row.id)))
        shadowUpdates.push({ key: shadowKey(entity, row.id), entity, id: row.id, row });
    }
    await db.rows(entity).bulkPut(live as never[]);
  }
  for (const [entity, ids] of deletes) {
    const live = ids.filter((id) => !shadowed.has(shadowKey(entity, id)));
    for (const id of ids) {
      if (shadowed.has(shadowKey(entity, id)))
        shadowUpdates.push({ key: shadowKey(entity, id), entity, id, row: null });
    }
    await db.rows(entity).bulkDelete(live);
  }
  if (shadowUpdates.length > 0) await db.local.shadows.bulkPut(shadowUpdates);
  // A row that arrives valid again is no longer set aside.
  if (!cleared && (await db.local.setAside.count()) > 0) {
    await db.local.setAside.bulkDelete([...puts].flatMap(([entity, rows]) => rows.map((row) => `${entity}/${row.id}`)));
  }
  return cleared;
}

async function setAside(db: ShiftdeskDb, rows: readonly SetAsideRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db.local.setAside.bulkPut(
    rows.map((row) => ({ key: `${row.entity}/${row.id}`, ...row, at: now, reported: false })),
  );
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
