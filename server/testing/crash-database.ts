import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '#shared/api/health';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { seedDemoTeam } from '../seed/demo-seed.ts';
import { insertTestApiKey } from './test-api-keys.ts';
import { openTestDatabase } from './test-databases.ts';
import { TEST_PASSWORD_PARAMS } from './test-server.ts';

/**
 * A seeded team database for a server process the test will kill -9: PGlite
 * in a data directory, or a scratch Postgres database, with an intake key.
 */
export async function prepareCrashDatabase(kind: DatabaseKind, tickets: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'shiftdesk-crash-'));
  let db: Database;
  let url: string | null = null;
  let drop = async () => undefined as void;
  if (kind === 'pglite') {
    db = await openDatabase({ databaseUrl: undefined, dataDir });
  } else {
    ({ db, url, drop } = await openTestDatabase('postgres'));
  }
  await seedDemoTeam(db, { tickets, archivedTickets: 0, passwordParams: TEST_PASSWORD_PARAMS });
  const key = await insertTestApiKey(db, 'wsp_demo', ['intake']);
  // Only one process may hold a PGlite data directory: the server's, from here on.
  if (kind === 'pglite') await db.close();
  /** The database again, for checks once the server has stopped. */
  const reopen = async () => (kind === 'pglite' ? openDatabase({ databaseUrl: undefined, dataDir }) : db);
  const cleanup = async () => {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { dataDir, url, secret: key.secret, reopen, cleanup };
}
