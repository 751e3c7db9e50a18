import { Member } from '#shared/domain/member';
import { DEFAULT_TIME_ZONE } from '#shared/domain/time-zone';
import { defaultWorkspaceSettings } from '#shared/domain/workspace-settings';
import { hashPassword, OWASP_SCRYPT } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';
import { insertRows } from '../sync/sync-rows.ts';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from './demo-content.ts';
import { archivedDemoTickets, demoCustomers, demoTickets } from './demo-tickets.ts';

export interface SeedOptions {
  /** Tickets in the shift queue's time frame (the last three days). */
  tickets: number;
  /** Finished tickets from the last months, older than the sync window: the archive. Default: a tenth of `tickets`. */
  archivedTickets?: number;
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
const SEED_VERSION = 1;

/**
 * Creates the demo team (five users, ten customers, `tickets` tickets, and an
 * archive) in one transaction, unless the workspace already exists: safe on
 * every start.
 */
export async function seedDemoTeam(db: Database, options: SeedOptions): Promise<SeedResult> {
  const now = options.now ?? Date.now();
  const archived = options.archivedTickets ?? Math.round(options.tickets / 10);
  const existing = await db.query('select 1 from workspaces where id = $1', [DEMO_WORKSPACE.id]);
  if (existing.length > 0) return { seeded: false, workspaceId: DEMO_WORKSPACE.id, tickets: 0 };
  // Hashing is slow on purpose (OWASP parameters), so it happens outside the transaction.
  const passwordHashes = await Promise.all(
    DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, options.passwordParams ?? OWASP_SCRYPT)),
  );
  return db.transaction(async (tx) => {
    const created = await tx.query<{ id: string }>(
      'insert into workspaces (id, name, version) values ($1, $2, $3) on conflict (id) do nothing returning id',
      [DEMO_WORKSPACE.id, DEMO_WORKSPACE.name, SEED_VERSION],
    );
    // Another server instance seeded it meanwhile.
    if (created.length === 0) return { seeded: false, workspaceId: DEMO_WORKSPACE.id, tickets: 0 };
    for (const [index, user] of DEMO_USERS.entries()) {
      await tx.query(
        'insert into users (id, workspace_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6)',
        [user.id, DEMO_WORKSPACE.id, user.email, user.name, user.role, passwordHashes[index] ?? ''],
      );
    }
    const ws = DEMO_WORKSPACE.id;
    await insertRows(
      tx,
      ws,
      'settings',
      [{ ...defaultWorkspaceSettings(), teamName: DEMO_WORKSPACE.name, timeZone: DEFAULT_TIME_ZONE }],
      SEED_VERSION,
    );
    await insertRows(
      tx,
      ws,
      'member',
      DEMO_USERS.map((user) => Member.parse(user)),
      SEED_VERSION,
    );
    const customers = demoCustomers(now);
    await insertRows(tx, ws, 'customer', customers, SEED_VERSION);
    const total = options.tickets + archived;
    let batch: Parameters<typeof insertRows<'ticket'>>[3][number][] = [];
    let done = 0;
    const flush = async () => {
      await insertRows(tx, ws, 'ticket', batch, SEED_VERSION);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, total);
    };
    for (const ticket of demoTickets(options.tickets, customers, now)) {
      batch.push(ticket);
      if (batch.length === BATCH) await flush();
    }
    for (const ticket of archivedDemoTickets(archived, options.tickets, customers, now)) {
      batch.push(ticket);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0 || done < total) await flush();
    return { seeded: true, workspaceId: DEMO_WORKSPACE.id, tickets: options.tickets };
  });
}
