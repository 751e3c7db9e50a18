import type { SessionUser } from '#shared/api/auth';
import type { PatchOp, PullRequest, PullResponse } from '#shared/sync/protocol';
import { rejectionId } from '#shared/sync/rejection';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';
import { claimClientGroup } from './client-groups.ts';
import { type CookieBase, type ResumeState, decodeCookie, decodeResume, encodeCookie, encodeResume } from './cookie.ts';

/** Rows per page of a full-state pull: big enough for throughput, small enough to show progress. */
export const FULL_PULL_PAGE_SIZE = 2_000;

interface RowRecord {
  entity: string;
  id: string;
  data: unknown;
  deleted: boolean;
}

interface RejectionRecord {
  client_id: string;
  mutation_id: number;
  name: string;
  code: string;
  message: string;
  rejected_at: number;
}

/**
 * Answers a pull from one snapshot (repeatable read). A known cookie gets the
 * rows changed since; an unknown one gets `clear` and the full state, in pages.
 *
 * Pages of a full pull are read in separate snapshots, which is safe: the final
 * cookie is the version from *before* the first page, so the client's next pull
 * re-delivers anything that changed while it was paging.
 */
export async function processPull(
  db: Database,
  user: SessionUser,
  request: Required<PullRequest>,
  pageSize = FULL_PULL_PAGE_SIZE,
): Promise<PullResponse> {
  await claimClientGroup(db, request.clientGroupId, user);
  return db.transaction(
    async (tx) => {
      const current = await workspaceState(tx, user.workspaceId);
      const resume = request.resume === null ? null : decodeResume(request.resume, current);
      if (resume) return fullStatePage(tx, user, request.clientGroupId, current, resume, pageSize);
      const since = decodeCookie(request.cookie, current);
      if (since === null) {
        const total = await countLiveRows(tx, user.workspaceId);
        const start: ResumeState = {
          epoch: current.epoch,
          baseVersion: current.version,
          afterEntity: '',
          afterId: '',
          loaded: 0,
          total,
        };
        return fullStatePage(tx, user, request.clientGroupId, current, start, pageSize);
      }
      return changesSince(tx, user, request.clientGroupId, since, current);
    },
    { isolation: 'repeatable read' },
  );
}

async function workspaceState(tx: Sql, workspaceId: string): Promise<CookieBase> {
  const [row] = await tx.query<{ version: number; epoch: string }>(
    'select version, epoch from workspaces where id = $1',
    [workspaceId],
  );
  if (!row) throw new HttpError(404, 'workspace_missing', 'Your team’s workspace no longer exists on this server.');
  return { workspaceId, epoch: row.epoch, version: row.version };
}

async function countLiveRows(tx: Sql, workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    'select count(*)::int8 as count from sync_rows where workspace_id = $1 and not deleted',
    [workspaceId],
  );
  return row?.count ?? 0;
}

async function fullStatePage(
  tx: Sql,
  user: SessionUser,
  clientGroupId: string,
  current: CookieBase,
  state: ResumeState,
  pageSize: number,
): Promise<PullResponse> {
  const rows = await tx.query<RowRecord>(
    `select entity, id, data, deleted from sync_rows
      where workspace_id = $1 and not deleted and (entity, id) > ($2, $3)
      order by entity, id limit $4`,
    [user.workspaceId, state.afterEntity, state.afterId, pageSize],
  );
  const patch: PatchOp[] = state.loaded === 0 && state.afterEntity === '' ? [{ op: 'clear' }] : [];
  patch.push(...rows.map(toPatchOp));
  const loaded = state.loaded + rows.length;
  const last = rows.at(-1);
  const cookie = encodeCookie(current, state.baseVersion);

  if (rows.length === pageSize && last) {
    const next: ResumeState = { ...state, afterEntity: last.entity, afterId: last.id, loaded };
    return {
      cookie,
      lastMutationIdChanges: {},
      patch,
      resume: encodeResume(next),
      progress: { loaded, total: Math.max(state.total, loaded) },
    };
  }
  // Last page: the client group's own state rides along.
  patch.push(...(await rejectionsSince(tx, clientGroupId, -1)));
  return {
    cookie,
    lastMutationIdChanges: await lastMutationIdsSince(tx, clientGroupId, -1),
    patch,
    resume: null,
    progress: { loaded, total: Math.max(state.total, loaded) },
  };
}

async function changesSince(
  tx: Sql,
  user: SessionUser,
  clientGroupId: string,
  since: number,
  current: CookieBase,
): Promise<PullResponse> {
  const rows = await tx.query<RowRecord>(
    'select entity, id, data, deleted from sync_rows where workspace_id = $1 and version > $2 order by version',
    [user.workspaceId, since],
  );
  return {
    cookie: encodeCookie(current),
    lastMutationIdChanges: await lastMutationIdsSince(tx, clientGroupId, since),
    patch: [...rows.map(toPatchOp), ...(await rejectionsSince(tx, clientGroupId, since))],
    resume: null,
    progress: null,
  };
}

function toPatchOp(row: RowRecord): PatchOp {
  return row.deleted
    ? ({ op: 'del', entity: row.entity, id: row.id } as PatchOp)
    : ({ op: 'put', entity: row.entity, value: row.data } as PatchOp);
}

async function lastMutationIdsSince(tx: Sql, clientGroupId: string, since: number): Promise<Record<string, number>> {
  const rows = await tx.query<{ id: string; last_mutation_id: number }>(
    'select id, last_mutation_id from clients where client_group_id = $1 and version > $2',
    [clientGroupId, since],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.last_mutation_id]));
}

async function rejectionsSince(tx: Sql, clientGroupId: string, since: number): Promise<PatchOp[]> {
  const rows = await tx.query<RejectionRecord>(
    `select client_id, mutation_id, name, code, message, rejected_at from mutation_rejections
      where client_group_id = $1 and version > $2 order by version`,
    [clientGroupId, since],
  );
  return rows.map(
    (row) =>
      ({
        op: 'put',
        entity: 'rejection',
        value: {
          id: rejectionId(row.client_id, row.mutation_id),
          clientId: row.client_id,
          mutationId: row.mutation_id,
          name: row.name,
          code: row.code,
          message: row.message,
          at: row.rejected_at,
        },
      }) as PatchOp,
  );
}
