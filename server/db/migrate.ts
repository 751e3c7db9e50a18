import type { Database } from './database.ts';
import { initial } from './migrations/0001-initial.ts';
import { syncWindow } from './migrations/0002-sync-window.ts';
import { teamBackend } from './migrations/0003-team-backend.ts';
import { importSources } from './migrations/0004-import-sources.ts';
import { email } from './migrations/0005-email.ts';
import { mailCopies } from './migrations/0006-mail-copies.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** In order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initial, syncWindow, teamBackend, importSources, email, mailCopies];

// Any constant works; it only has to be the same for every server instance.
const MIGRATION_LOCK_KEY = 48_70_2026;

/**
 * Applies pending migrations in one transaction: all of them or none. An
 * advisory lock makes concurrent server instances against one Postgres take turns.
 */
export async function migrate(
  db: Database,
  /** Tests pass the first few, to build a database as an older release left it. */
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ applied: number[] }> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      create table if not exists schema_migrations (
        id integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
    const done = new Set((await tx.query<{ id: number }>('select id from schema_migrations')).map((row) => row.id));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return { applied };
  });
}
