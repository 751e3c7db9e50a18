import { Member } from '#shared/domain/member';
import type { EntityName } from '#shared/sync/entities';
import { hashPassword, OWASP_SCRYPT } from '../auth/passwords.ts';
import type { Database, Sql } from '../db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from './demo-content.ts';
import { demoCustomers, demoTickets } from './demo-tickets.ts';

export interface SeedOptions {
  tickets: number;
  now?: number;
  /** Tests pass cheaper scrypt parameters; the product always uses OWASP's. */
  passwordParams?: { N: number; r: number; p: number };
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  seeded: boolean;
  workspaceId: string;
  tickets: number;
}

const BATCH = 1_000;

/**
 * Creates the demo team (five users, ten customers, `tickets` tickets) in one
 * transaction, unless the workspace already exists: safe on every start.
 */
export async function seedDemoTeam(db: Database, options: SeedOptions): Promise<SeedResult> {
  const now = options.now ?? Date.now();
  const existing = await db.query('select 1 from workspaces where id = $1', [DEMO_WORKSPACE.id]);
  if (existing.length > 0) return { seeded: false, workspaceId: DEMO_WORKSPACE.id, tickets: 0 };
  // Hashing is slow on purpose (OWASP parameters), so it happens outside the transaction.
  const passwordHashes = await Promise.all(
    DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, options.passwordParams ?? OWASP_SCRYPT)),
  );
  return db.transaction(async (tx) => {
    const created = await tx.query<{ id: string }>(
      'insert into workspaces (id, name, version) values ($1, $2, 1) on conflict (id) do nothing returning id',
      [DEMO_WORKSPACE.id, DEMO_WORKSPACE.name],
    );
    // Another server instance seeded it meanwhile.
    if (created.length === 0) return { seeded: false, workspaceId: DEMO_WORKSPACE.id, tickets: 0 };

    for (const [index, user] of DEMO_USERS.entries()) {
      await tx.query(
        'insert into users (id, workspace_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)',
        [user.id, DEMO_WORKSPACE.id, user.email, user.name, user.role, passwordHashes[index] ?? ''],
      );
    }
    await insertRows(
      tx,
      'member',
      DEMO_USERS.map((user) => Member.parse(user)),
    );
    const customers = demoCustomers(now);
    await insertRows(tx, 'customer', customers);

    let batch: { id: string }[] = [];
    let done = 0;
    for (const ticket of demoTickets(options.tickets, customers, now)) {
      batch.push(ticket);
      if (batch.length === BATCH) {
        await insertRows(tx, 'ticket', batch);
        done += batch.length;
        batch = [];
        options.onProgress?.(done, options.tickets);
      }
    }
    await insertRows(tx, 'ticket', batch);
    options.onProgress?.(options.tickets, options.tickets);
    return { seeded: true, workspaceId: DEMO_WORKSPACE.id, tickets: options.tickets };
  });
}

async function insertRows(tx: Sql, entity: EntityName, rows: readonly { id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into sync_rows (workspace_id, entity, id, data, version)
     select $1, $2, unnest($3::text[]), unnest($4::jsonb[]), 1`,
    [DEMO_WORKSPACE.id, entity, rows.map((row) => row.id), rows.map((row) => JSON.stringify(row))],
  );
}
