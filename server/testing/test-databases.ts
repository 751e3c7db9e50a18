import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { DatabaseKind } from '#shared/api/health';
import type { Database } from '../db/database.ts';
import { MIGRATIONS, type Migration, migrate } from '../db/migrate.ts';
import { refreshDerivedColumns } from '../sync/derived-columns.ts';
import { openPgliteDatabase } from '../db/pglite-database.ts';
import { openPostgresDatabase } from '../db/postgres-database.ts';

/** An admin URL for a Postgres where tests may create and drop scratch databases. */
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const POSTGRES_SKIP_REASON = 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)';

export interface TestDatabase {
  db: Database;
  /** Connection string for a second server instance on the same data (Postgres only). */
  url: string | null;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated, empty database of the given kind. `migrations`: only
 * these (the first few), for a database as an older release left it.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase('memory');
    await migrate(db, migrations);
    await refreshDerivedColumns(db);
    return { db, url: null, drop: () => db.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error(POSTGRES_SKIP_REASON);
  const name = `shiftdesk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase(url.toString(), { poolSize: 8 });
  await migrate(db, migrations);
  await refreshDerivedColumns(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

let warned = false;

/**
 * Runs a suite against PGlite always and against Postgres when TEST_DATABASE_URL
 * is set; otherwise the Postgres run is skipped and says why.
 */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  describe(`${title} [pglite]`, () => suite('pglite'));
  if (TEST_DATABASE_URL) {
    describe(`${title} [postgres]`, () => suite('postgres'));
  } else {
    if (!warned) {
      console.warn(`Postgres server tests skipped: ${POSTGRES_SKIP_REASON}`);
      warned = true;
    }
    describe.skip(`${title} [postgres] — skipped: ${POSTGRES_SKIP_REASON}`, () => suite('postgres'));
  }
}
