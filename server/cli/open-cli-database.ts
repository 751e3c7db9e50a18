import { loadServerConfig, type ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/open-database.ts';

/**
 * The database the server would use with this environment (DATABASE_URL, or
 * PGlite in SHIFTDESK_DATA_DIR), migrated. Commands run `work` and always close it,
 * so an embedded database is never left half-written.
 */
export async function withDatabase<T>(
  env: Record<string, string | undefined>,
  work: (db: Database, config: ServerConfig) => Promise<T>,
): Promise<T> {
  const config = loadServerConfig(env);
  const db = await openDatabase(config).catch((error: unknown) => {
    if (!(error instanceof DataDirLockedError)) throw error;
    // The embedded database has one owner at a time; the running server can do most of this itself.
    throw new Error(
      `${error.message}\nThe embedded database can be used by one process at a time: stop the server for this ` +
        'command, or do it in the admin screen while the server runs. With Postgres (DATABASE_URL) the command ' +
        'line works beside running servers.',
    );
  });
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/** The workspace a command acts on: `--workspace`, or the only one there is. */
export async function resolveWorkspace(db: Database, requested: string | undefined): Promise<string> {
  const rows = await db.query<{ id: string; name: string }>('select id, name from workspaces order by id');
  if (requested) {
    if (!rows.some((row) => row.id === requested)) {
      throw new Error(
        `There is no workspace ${requested}. Workspaces here: ${rows.map((r) => r.id).join(', ') || 'none'}.`,
      );
    }
    return requested;
  }
  if (rows.length === 1 && rows[0]) return rows[0].id;
  if (rows.length === 0) {
    throw new Error('This database has no team yet. Run "shiftdesk-server seed --demo" or start the server once.');
  }
  throw new Error(
    `This database holds several teams; choose one with --workspace (${rows.map((r) => r.id).join(', ')}).`,
  );
}
