import { join } from 'node:path';
import type { ServerConfig } from '../config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { refreshDerivedColumns } from '../sync/derived-columns.ts';

/** Opens the configured database and brings its schema (and the rows' derived columns) up to date. */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl)
    : await openPgliteDatabase(join(config.dataDir, 'pglite'));
  try {
    await migrate(db);
    await refreshDerivedColumns(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
