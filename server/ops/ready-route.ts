import type { ReadyResponse } from '#shared/api/health';
import type { AppDeps } from '../app-deps.ts';
import type { Database } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrate.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';

/** Why the server cannot take traffic, or null when it can. */
async function notReadyReason(db: Database): Promise<string | null> {
  let applied: Set<number>;
  try {
    const rows = await db.query<{ id: number }>('select id from schema_migrations');
    applied = new Set(rows.map((row) => row.id));
  } catch {
    return 'The database does not answer, or has no schema yet.';
  }
  const missing = MIGRATIONS.filter((migration) => !applied.has(migration.id));
  if (missing.length === 0) return null;
  const names = missing.map((migration) => `${migration.id} (${migration.name})`).join(', ');
  return `The database schema is behind this server: migration ${names} is not applied. Restart a server to migrate.`;
}

/**
 * Readiness, beside liveness (`/health`): a load balancer sends traffic here
 * only when the database answers and carries every migration this code
 * expects, e.g. not while another instance is still migrating.
 */
export function readyHandlers({ db, version }: AppDeps): Pick<Handlers, 'ready'> {
  return {
    ready: async () => {
      const reason = await notReadyReason(db);
      if (reason) throw new HttpError(503, 'not_ready', reason, { 'retry-after': '5' });
      const schema = Math.max(...MIGRATIONS.map((migration) => migration.id));
      const body: ReadyResponse = { ready: true, version, db: db.kind, schema };
      return body;
    },
  };
}
