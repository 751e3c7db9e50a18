import type { SessionUser } from '#shared/api/auth';
import { ENTITY_NAMES, ROOT_ENTITY_NAMES, childrenOf, entities } from '#shared/sync/entities';
import type { PullProgress, PullRequest } from '#shared/sync/protocol';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';
import { claimClientGroup } from './client-groups.ts';
import {
  type ChangesResume,
  type CookieBase,
  type FullResume,
  decodeCookie,
  decodeResume,
  encodeCookie,
  encodeResume,
} from './cookie.ts';
import { REJECTION_COLUMNS, type RejectionRecord, rejectionFromRecord } from './rejection-records.ts';
import { readWorkspaceSettings } from './sync-rows.ts';

/** Rows per page of a paged pull: big enough for throughput, small enough to show progress and resume. */
export const DEFAULT_PULL_PAGE_ROWS = 5_000;

const DAY_MS = 86_400_000;
const GLOBAL_ENTITIES = ENTITY_NAMES.filter((entity) => entities[entity].scope.kind === 'global');

/** A row as read for a pull: its data stays JSON text, spliced into the response unparsed. */
interface RawRow {
  entity: string;
  id: string;
  data: string;
  deleted: boolean;
}

/** One pull answer, before serialization. */
export interface PullPage {
  cookie: string;
  lastMutationIdChanges: Record<string, number>;
  rows: RawRow[];
  rejections: RejectionRecord[];
  clear: boolean;
  resume: string | null;
  progress: PullProgress | null;
  /** Roots in this page that existed before the client's cookie: it may lack their children (they were outside its window). */
  revisited: { entity: string; id: string }[];
}

export interface PullOptions {
  pageRows?: number;
  now?: number;
}

/**
 * Answers a pull from one snapshot (repeatable read). A known cookie gets the
 * rows changed since, paged when there are many; an unknown one gets `clear`
 * and the client's whole window (every active root, recent finished ones, their
 * children, and every global row), in pages a reload can resume.
 *
 * Pages are separate snapshots. A paged pull reads only what its first page's
 * version covered and reports acknowledgements only up to there, so the client
 * never drops a pending change whose effect it has not received; the pull that
 * follows brings what changed meanwhile.
 */
export async function processPull(
  db: Database,
  user: SessionUser,
  request: Required<PullRequest>,
  options: PullOptions = {},
): Promise<PullPage> {
  const pageRows = options.pageRows ?? DEFAULT_PULL_PAGE_ROWS;
  const now = options.now ?? Date.now();
  await claimClientGroup(db, request.clientGroupId, user);
  return db.transaction(
    async (tx) => {
      const current = await workspaceState(tx, user.workspaceId);
      const resume = request.resume === null ? null : decodeResume(request.resume, current);
      if (resume?.kind === 'full') return fullPage(tx, user, request.clientGroupId, current, resume, pageRows);
      if (resume?.kind === 'changes') return changesPage(tx, user, request.clientGroupId, current, resume, pageRows);
      const cutoff = now - current.windowDays * DAY_MS;
      const since = decodeCookie(request.cookie, current);
      if (since === null) {
        const start: FullResume = {
          kind: 'full',
          epoch: current.epoch,
          windowDays: current.windowDays,
          baseVersion: current.version,
          cutoff,
          phase: 'global',
          entityIndex: 0,
          afterEntity: '',
          afterKey: null,
          afterId: '',
          loaded: 0,
          total: await countWindow(tx, user.workspaceId, cutoff),
        };
        return fullPage(tx, user, request.clientGroupId, current, start, pageRows);
      }
      const start: ChangesResume = {
        kind: 'changes',
        epoch: current.epoch,
        windowDays: current.windowDays,
        since,
        target: current.version,
        cutoff,
        afterVersion: 0,
        afterEntity: '',
        afterId: '',
        loaded: 0,
        total: 0,
      };
      return changesPage(tx, user, request.clientGroupId, current, start, pageRows);
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
  const settings = await readWorkspaceSettings(tx, workspaceId);
  return { workspaceId, epoch: row.epoch, version: row.version, windowDays: settings.syncWindowDays };
}

/** How many rows a full download will bring, for its progress bar: bounded by the window, not the history. */
async function countWindow(tx: Sql, workspaceId: string, cutoff: number): Promise<number> {
  const [globals] = await tx.query<{ count: number }>(
    'select count(*)::int8 as count from sync_rows where workspace_id = $1 and entity = any($2::text[]) and not deleted',
    [workspaceId, GLOBAL_ENTITIES],
  );
  const [roots] = await tx.query<{ count: number }>(
    `select count(*)::int8 as count from sync_rows
      where workspace_id = $1 and entity = any($2::text[]) and window_key >= $3 and not deleted`,
    [workspaceId, ROOT_ENTITY_NAMES, cutoff],
  );
  const [children] = await tx.query<{ count: number }>(
    `select count(*)::int8 as count from sync_rows p
       join sync_rows c on c.workspace_id = p.workspace_id and c.root_entity = p.entity and c.root_id = p.id and c.entity <> p.entity
      where p.workspace_id = $1 and p.entity = any($2::text[]) and p.window_key >= $3 and not p.deleted and not c.deleted`,
    [workspaceId, ROOT_ENTITY_NAMES, cutoff],
  );
  return (globals?.count ?? 0) + (roots?.count ?? 0) + (children?.count ?? 0);
}

const ROW_COLUMNS = 'entity, id, data::text as data, deleted';

async function fullPage(
  tx: Sql,
  user: SessionUser,
  clientGroupId: string,
  current: CookieBase,
  start: FullResume,
  pageRows: number,
): Promise<PullPage> {
  const ws = user.workspaceId;
  let state = { ...start };
  const rows: RawRow[] = [];

  while (rows.length < pageRows && state.phase !== 'final') {
    const room = pageRows - rows.length;
    if (state.phase === 'global') {
      const found = await tx.query<RawRow>(
        `select ${ROW_COLUMNS} from sync_rows
          where workspace_id = $1 and entity = any($2::text[]) and not deleted and version <= $3::int8 and (entity, id) > ($4::text, $5::text)
          order by entity, id limit $6`,
        [ws, GLOBAL_ENTITIES, state.baseVersion, state.afterEntity, state.afterId, room],
      );
      rows.push(...found);
      const last = found.at(-1);
      state =
        last && found.length === room
          ? { ...state, afterEntity: last.entity, afterId: last.id }
          : { ...state, phase: 'roots', entityIndex: 0, afterKey: null, afterId: '' };
      continue;
    }
    const root = ROOT_ENTITY_NAMES[state.entityIndex];
    if (!root) {
      state = { ...state, phase: 'final' };
      continue;
    }
    // Newest first: active roots, then the most recently finished.
    const found = await tx.query<RawRow & { window_key: number; version: number }>(
      `select ${ROW_COLUMNS}, window_key, version from sync_rows
        where workspace_id = $1 and entity = $2 and not deleted and window_key >= $3::int8
          and ($4::int8 is null or (window_key, id) < ($4::int8, $5::text))
        order by window_key desc, id desc limit $6`,
      [ws, root, state.cutoff, state.afterKey, state.afterId, room],
    );
    // A root changed after the base version is left to the catch-up; its unchanged children still come now.
    rows.push(...found.filter((row) => row.version <= state.baseVersion).map(rawRow));
    rows.push(
      ...(await childRows(
        tx,
        ws,
        root,
        found.map((row) => row.id),
        state.baseVersion,
      )),
    );
    const last = found.at(-1);
    state =
      last && found.length === room
        ? { ...state, afterKey: last.window_key, afterId: last.id }
        : { ...state, entityIndex: state.entityIndex + 1, afterKey: null, afterId: '' };
  }

  const loaded = state.loaded + rows.length;
  const cookie = encodeCookie(current, state.baseVersion);
  const clear = start.loaded === 0 && start.phase === 'global' && start.afterEntity === '';
  if (state.phase !== 'final') {
    const next: FullResume = { ...state, loaded };
    return {
      cookie,
      lastMutationIdChanges: {},
      rows,
      rejections: [],
      clear,
      resume: encodeResume(next),
      progress: { loaded, total: Math.max(state.total, loaded) },
      revisited: [],
    };
  }
  // Roots that changed while the pages were read may have moved past the cursor: send their children now.
  for (const root of ROOT_ENTITY_NAMES) {
    const moved = await tx.query<{ id: string }>(
      'select id from sync_rows where workspace_id = $1 and entity = $2 and not deleted and window_key >= $3 and version > $4',
      [ws, root, state.cutoff, state.baseVersion],
    );
    rows.push(
      ...(await childRows(
        tx,
        ws,
        root,
        moved.map((row) => row.id),
        state.baseVersion,
      )),
    );
  }
  const total = Math.max(state.total, loaded);
  return {
    cookie,
    lastMutationIdChanges: await lastMutationIds(tx, clientGroupId, -1, state.baseVersion),
    rows,
    rejections: await rejections(tx, clientGroupId, -1, state.baseVersion),
    clear,
    resume: null,
    progress: { loaded: total, total },
    revisited: [],
  };
}

function rawRow(row: RawRow): RawRow {
  return { entity: row.entity, id: row.id, data: row.data, deleted: row.deleted };
}

async function childRows(tx: Sql, ws: string, root: string, rootIds: string[], baseVersion: number): Promise<RawRow[]> {
  if (rootIds.length === 0 || childrenOf(root as never).length === 0) return [];
  return tx.query<RawRow>(
    `select ${ROW_COLUMNS} from sync_rows
      where workspace_id = $1 and root_entity = $2 and root_id = any($3::text[]) and entity <> $2
        and not deleted and version <= $4
      order by entity, id`,
    [ws, root, rootIds, baseVersion],
  );
}

async function changesPage(
  tx: Sql,
  user: SessionUser,
  clientGroupId: string,
  current: CookieBase,
  state: ChangesResume,
  pageRows: number,
): Promise<PullPage> {
  const ws = user.workspaceId;
  const total =
    state.total > 0
      ? state.total
      : ((
          await tx.query<{ count: number }>(
            'select count(*)::int8 as count from sync_rows where workspace_id = $1 and version > $2 and version <= $3',
            [ws, state.since, state.target],
          )
        )[0]?.count ?? 0);
  // Deletions always travel; other rows when global or inside the window (a child by its root's window).
  const found = await tx.query<RawRow & { version: number; created_version: number; is_root: boolean }>(
    `select ${ROW_COLUMNS}, r.version, r.created_version, (r.entity = r.root_entity) as is_root from sync_rows r
      where r.workspace_id = $1 and r.version > $2::int8 and r.version <= $3::int8 and (r.version, r.entity, r.id) > ($4::int8, $5::text, $6::text)
        and (r.deleted or r.root_entity is null
             or (r.entity = r.root_entity and r.window_key >= $7::int8)
             or (r.entity <> r.root_entity and exists (
                   select 1 from sync_rows p
                    where p.workspace_id = r.workspace_id and p.entity = r.root_entity and p.id = r.root_id
                      and not p.deleted and p.window_key >= $7::int8)))
      order by r.version, r.entity, r.id limit $8`,
    [ws, state.since, state.target, state.afterVersion, state.afterEntity, state.afterId, state.cutoff, pageRows],
  );
  const rows = found.map(rawRow);
  const revisited = found
    .filter((row) => row.is_root && !row.deleted && row.created_version <= state.since)
    .map((row) => ({ entity: row.entity, id: row.id }));
  const loaded = state.loaded + rows.length;
  const last = found.at(-1);
  const paged = state.loaded > 0 || found.length === pageRows;
  const progress = paged ? { loaded, total: Math.max(total, loaded) } : null;
  if (last && found.length === pageRows) {
    const next: ChangesResume = {
      ...state,
      afterVersion: last.version,
      afterEntity: last.entity,
      afterId: last.id,
      loaded,
      total,
    };
    return {
      cookie: encodeCookie(current, state.since),
      lastMutationIdChanges: {},
      rows,
      rejections: [],
      clear: false,
      resume: encodeResume(next),
      progress,
      revisited,
    };
  }
  return {
    cookie: encodeCookie(current, state.target),
    lastMutationIdChanges: await lastMutationIds(tx, clientGroupId, state.since, state.target),
    rows,
    rejections: await rejections(tx, clientGroupId, state.since, state.target),
    clear: false,
    resume: null,
    progress: progress && { loaded, total: loaded },
    revisited,
  };
}

/** Clients of the group whose lastMutationId moved in (since, upTo]: the acknowledgements this pull may give. */
async function lastMutationIds(
  tx: Sql,
  clientGroupId: string,
  since: number,
  upTo: number,
): Promise<Record<string, number>> {
  const rows = await tx.query<{ id: string; last_mutation_id: number }>(
    'select id, last_mutation_id from clients where client_group_id = $1 and version > $2 and version <= $3',
    [clientGroupId, since, upTo],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.last_mutation_id]));
}

async function rejections(tx: Sql, clientGroupId: string, since: number, upTo: number): Promise<RejectionRecord[]> {
  return tx.query<RejectionRecord>(
    `select ${REJECTION_COLUMNS} from mutation_rejections
      where (client_group_id = $1 or carrier_group_id = $1) and version > $2 and version <= $3
      order by version, client_id, mutation_id`,
    [clientGroupId, since, upTo],
  );
}

/**
 * The JSON answer. Row data is spliced in as the database stored it: a full
 * download is mostly row data, and parsing then re-serializing 100,000 rows
 * would cost the server more than the query.
 */
export function serializePull(page: PullPage): string {
  const ops: string[] = page.clear ? ['{"op":"clear"}'] : [];
  for (const row of page.rows) {
    ops.push(
      row.deleted
        ? JSON.stringify({ op: 'del', entity: row.entity, id: row.id })
        : `{"op":"put","entity":${JSON.stringify(row.entity)},"value":${row.data}}`,
    );
  }
  for (const record of page.rejections) {
    ops.push(JSON.stringify({ op: 'put', entity: 'rejection', value: rejectionFromRecord(record) }));
  }
  const envelope = JSON.stringify({
    cookie: page.cookie,
    lastMutationIdChanges: page.lastMutationIdChanges,
    resume: page.resume,
    progress: page.progress,
    revisited: page.revisited,
  });
  return `${envelope.slice(0, -1)},"patch":[${ops.join(',')}]}`;
}
