import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_SYNC_WINDOW_DAYS, WorkspaceSettings } from '#shared/domain/workspace-settings';
import { WORKSPACE_ENTITY_NAMES, type WorkspaceEntityName, entities, rootOf, windowAtOf } from '#shared/sync/entities';
import { rejectionId } from '#shared/sync/rejection';
import { peekSyncState } from '../../renderer/src/db/sync-state.ts';
import type { Database } from '../../server/db/database.ts';
import { MUTATION_AUDIT_ACTIONS } from '../../server/sync/mutation-audit.ts';
import type { SimClient } from './sim-client.ts';

const DAY = 86_400_000;
/** Rows this close to the window's edge may legitimately be on either side of it. */
const EDGE_MS = 60_000;

interface ServerRow {
  entity: WorkspaceEntityName;
  id: string;
  data: Record<string, unknown>;
}

/**
 * What must hold once the simulation has gone quiet. Each check is computed
 * from first principles (the registry's window rule, the audit log), not by
 * asking the code under test; every problem found is returned as a sentence.
 */
export async function checkInvariants(
  db: Database,
  clients: readonly SimClient[],
  retired: { device: SimClient; carriedTo: SimClient } | null,
): Promise<string[]> {
  const problems: string[] = [];
  const rows = await serverRows(db);
  const inWindow = windowKeys(rows);
  const byKey = new Map(rows.map((row) => [`${row.entity}/${row.id}`, row.data]));

  for (const client of clients) {
    const prefix = `client ${client.name}`;
    const local = await localRows(client);
    for (const [key, row] of local) {
      const server = byKey.get(key);
      if (!server) problems.push(`${prefix} holds ${key}, which the server does not have (or deleted)`);
      else if (!isDeepStrictEqual(row, server)) {
        problems.push(
          `${prefix} holds a different ${key}:\n  client ${JSON.stringify(row)}\n  server ${JSON.stringify(server)}`,
        );
      }
    }
    for (const key of inWindow) if (!local.has(key)) problems.push(`${prefix} is missing ${key} (in the window)`);

    const state = await peekSyncState(client.db);
    if (!state?.cookie || state.resume)
      problems.push(`${prefix} is not current: cookie ${state?.cookie}, resume ${state?.resume}`);
    const leftovers = {
      outbox: await client.db.local.outbox.count(),
      shadows: await client.db.local.shadows.count(),
      unconfirmedImports: await client.db.local.importedOutbox.filter((e) => e.confirmedAt === null).count(),
      setAside: await client.db.local.setAside.count(),
    };
    for (const [what, count] of Object.entries(leftovers))
      if (count > 0) problems.push(`${prefix} still has ${count} ${what}`);

    // Every rejection of this device's changes reached it, exactly as the server recorded it.
    const serverRejections = await db.query<{ client_id: string; mutation_id: number; code: string; message: string }>(
      'select client_id, mutation_id, code, message from mutation_rejections where client_group_id = $1 or carrier_group_id = $1',
      [state?.clientGroupId ?? ''],
    );
    const localRejections = new Map((await client.db.rows('rejection').toArray()).map((r) => [r.id, r]));
    for (const rejection of serverRejections) {
      const id = rejectionId(rejection.client_id, rejection.mutation_id);
      const seen = localRejections.get(id);
      if (!seen) problems.push(`${prefix} never heard that ${id} was rejected (${rejection.code})`);
      else if (seen.code !== rejection.code || seen.message !== rejection.message)
        problems.push(`${prefix} has a different rejection ${id}`);
      localRejections.delete(id);
    }
    // Refusals of changes carried here from another device arrive with the push that sent them.
    const carriedRejections = new Set(
      (
        await db.query<{ client_id: string; mutation_id: number }>(
          'select client_id, mutation_id from mutation_rejections',
        )
      )
        .map((row) => rejectionId(row.client_id, row.mutation_id))
        .filter((id) => client.carried.has(id)),
    );
    for (const id of localRejections.keys()) {
      if (!carriedRejections.has(id)) problems.push(`${prefix} shows a rejection ${id} the server never made`);
    }
  }

  if (retired) problems.push(...(await checkCarriedRejections(db, retired.device, retired.carriedTo)));
  problems.push(...(await checkMutationLedger(db, retired ? [...clients, retired.device] : clients)));
  return problems;
}

/**
 * A device that broke after its changes were carried away by file never pulls
 * again: every refusal of a change it made that the server processed after the
 * export must have reached the device that carried it.
 */
async function checkCarriedRejections(db: Database, broken: SimClient, carrier: SimClient): Promise<string[]> {
  const state = await peekSyncState(broken.db);
  const acked = state?.ackedThrough ?? 0;
  const rejected = await db.query<{ client_id: string; mutation_id: number }>(
    'select client_id, mutation_id from mutation_rejections where client_group_id = $1 and mutation_id > $2',
    [state?.clientGroupId ?? '', acked],
  );
  const shown = new Set((await carrier.db.rows('rejection').toArray()).map((row) => row.id));
  return rejected
    .map((row) => rejectionId(row.client_id, row.mutation_id))
    .filter((id) => carrier.carried.has(id) && !shown.has(id))
    .map((id) => `${carrier.name} carried ${id} for a broken device, but never heard it was rejected`);
}

/** Each mutation processed exactly once, in its device's order, and every one a device committed processed. */
async function checkMutationLedger(db: Database, clients: readonly SimClient[]): Promise<string[]> {
  const problems: string[] = [];
  const audit = await db.query<{ client_id: string; mutation_id: number }>(
    `select detail->>'clientId' as client_id, (detail->>'mutationId')::int8 as mutation_id from audit_log
      where action = any($1::text[]) or action like 'mutation.%' order by id`,
    [MUTATION_AUDIT_ACTIONS],
  );
  const sequences = new Map<string, number[]>();
  for (const row of audit) {
    const list = sequences.get(row.client_id) ?? [];
    list.push(row.mutation_id);
    sequences.set(row.client_id, list);
  }
  for (const [clientId, ids] of sequences) {
    const expected = ids.map((_, index) => index + 1);
    if (!isDeepStrictEqual(ids, expected)) {
      problems.push(
        `client id ${clientId}: processed ${ids.join(',')} — expected each of 1..${ids.length} once, in order`,
      );
    }
  }
  const processed = new Set(audit.map((row) => `${row.client_id}:${row.mutation_id}`));
  const created = new Set(clients.flatMap((client) => client.created));
  for (const key of created)
    if (!processed.has(key)) problems.push(`mutation ${key} was committed on a device but never processed`);
  for (const key of processed)
    if (!created.has(key)) problems.push(`mutation ${key} was processed but no device ever made it`);

  const lastIds = await db.query<{ id: string; last_mutation_id: number }>('select id, last_mutation_id from clients');
  for (const client of clients) {
    const state = await peekSyncState(client.db);
    const server = lastIds.find((row) => row.id === state?.clientId)?.last_mutation_id ?? 0;
    if (state && state.ackedThrough > server) {
      problems.push(
        `client ${client.name} believes ${state.ackedThrough} changes were confirmed; the server has ${server}`,
      );
    }
  }
  return problems;
}

async function serverRows(db: Database): Promise<ServerRow[]> {
  const rows = await db.query<{ entity: string; id: string; data: Record<string, unknown> }>(
    "select entity, id, data from sync_rows where workspace_id = 'wsp_demo' and not deleted",
  );
  return rows.filter((row): row is ServerRow => (WORKSPACE_ENTITY_NAMES as string[]).includes(row.entity));
}

/** The rows every device must hold: computed from the registry's window rules, not from the pull code. */
function windowKeys(rows: readonly ServerRow[]): Set<string> {
  const settings = WorkspaceSettings.safeParse(rows.find((row) => row.entity === 'settings')?.data);
  const cutoff = Date.now() - (settings.success ? settings.data.syncWindowDays : DEFAULT_SYNC_WINDOW_DAYS) * DAY;
  const live = new Map(rows.map((row) => [`${row.entity}/${row.id}`, row]));
  const rootIn = (entity: string, id: string): boolean | 'edge' => {
    const root = live.get(`${entity}/${id}`);
    if (!root) return false;
    const windowAt = windowAtOf(root.entity, root.data as never);
    if (windowAt === null) return true;
    if (Math.abs(windowAt - cutoff) < EDGE_MS) return 'edge';
    return windowAt >= cutoff;
  };
  const keys = new Set<string>();
  for (const row of rows) {
    const kind = entities[row.entity].scope.kind;
    const root = rootOf(row.entity, row.data as { id: string });
    if (kind === 'global' || (root && rootIn(root.entity, root.id) === true)) keys.add(`${row.entity}/${row.id}`);
  }
  return keys;
}

async function localRows(client: SimClient): Promise<Map<string, unknown>> {
  const rows = new Map<string, unknown>();
  for (const entity of WORKSPACE_ENTITY_NAMES) {
    for (const row of await client.db.rows(entity).toArray()) rows.set(`${entity}/${row.id}`, row);
  }
  return rows;
}
