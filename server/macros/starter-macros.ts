import { Macro } from '#shared/domain/macro';
import { STARTER_MACROS } from '#shared/macros/starter-macros';
import type { Database } from '../db/database.ts';
import { insertRows, nextWorkspaceVersion, notifyPoke } from '../sync/sync-rows.ts';

/**
 * Gives each team that never had them the starter macros, on every start
 * (teams created before macros existed get them too). A team that deleted one
 * does not get it back: any trace of a starter macro, tombstones included,
 * means the team already has its own say. Idempotent across instances: the
 * ids are fixed and the insert happens under the workspace row lock.
 */
export async function ensureStarterMacros(db: Database, now = Date.now()): Promise<void> {
  const ids = STARTER_MACROS.map((macro) => macro.id);
  const workspaces = await db.query<{ id: string }>(
    `select w.id from workspaces w
      where not exists (select 1 from sync_rows r where r.workspace_id = w.id and r.entity = 'macro' and r.id = any($1))`,
    [ids],
  );
  for (const { id: workspaceId } of workspaces) {
    await db.transaction(async (tx) => {
      const version = await nextWorkspaceVersion(tx, workspaceId);
      const [present] = await tx.query(
        "select 1 from sync_rows where workspace_id = $1 and entity = 'macro' and id = any($2) limit 1",
        [workspaceId, ids],
      );
      if (present) return;
      const [owner] = await tx.query<{ id: string }>(
        `select id from users where workspace_id = $1 and role in ('admin', 'lead') order by role = 'admin' desc, id limit 1`,
        [workspaceId],
      );
      if (!owner) return;
      const rows = STARTER_MACROS.map((macro) =>
        Macro.parse({ ...macro, ownerId: owner.id, createdAt: now, updatedAt: now }),
      );
      await insertRows(tx, workspaceId, 'macro', rows, version);
      await notifyPoke(tx, workspaceId, version);
    });
  }
}
