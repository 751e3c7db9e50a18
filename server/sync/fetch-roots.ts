import type { SessionUser } from '#shared/api/auth';
import { isRootEntityName } from '#shared/sync/entities';
import type { FetchRequest } from '#shared/sync/protocol';
import type { Database } from '../db/database.ts';

/**
 * Roots outside a client's window, with their children, for opening an old
 * ticket by link or from the archive search. The client stores only rows it
 * does not hold yet, so an answer that crosses a newer pull cannot roll anything back.
 */
export async function fetchRoots(db: Database, user: SessionUser, request: FetchRequest): Promise<string> {
  const wanted = request.roots.filter((root) => isRootEntityName(root.entity));
  const rows = await db.query<{ entity: string; id: string; data: string; root_entity: string; root_id: string }>(
    `select r.entity, r.id, r.data::text as data, r.root_entity, r.root_id
       from sync_rows r
       join unnest($2::text[], $3::text[]) as w(entity, id) on r.root_entity = w.entity and r.root_id = w.id
      where r.workspace_id = $1 and not r.deleted
      order by (r.entity = r.root_entity) desc, r.entity, r.id`,
    [user.workspaceId, wanted.map((root) => root.entity), wanted.map((root) => root.id)],
  );
  const found = new Set(rows.filter((row) => row.entity === row.root_entity).map((row) => `${row.entity}/${row.id}`));
  const missing = request.roots.filter((root) => !found.has(`${root.entity}/${root.id}`));
  const ops = rows.map((row) => `{"op":"put","entity":${JSON.stringify(row.entity)},"value":${row.data}}`);
  return `{"missing":${JSON.stringify(missing)},"patch":[${ops.join(',')}]}`;
}
