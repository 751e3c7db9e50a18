import { join } from 'node:path';
import type { ServerConfig } from '../config.ts';
import { refreshDerivedColumns } from '../sync/derived-columns.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export interface OpenOptions {
  /** Things worth telling whoever started the server (a stale lock taken over). */
  onNotice?: (message: string) => void;
}

/** Embedded PGlite, owned by this process alone for as long as it is open. */
async function openLockedPglite(dataDir: string, { onNotice }: OpenOptions): Promise<Database> {
  const lock = await acquireDataDirLock(dataDir);
  if (lock.replaced) {
    const { pid, hostname, startedAt } = lock.replaced;
    onNotice?.(`Took over the lock of a server that is gone (pid ${pid} on ${hostname}, started ${startedAt}).`);
  }
  let db: Database;
  try {
    db = await openPgliteDatabase(join(dataDir, 'pglite'));
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    ...db,
    close: async () => {
      try {
        await db.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/** Opens the configured database and brings its schema (and the rows' derived columns) up to date. */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl)
    : await openLockedPglite(config.dataDir, options);
  try {
    await migrate(db);
    await refreshDerivedColumns(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
