import { loadServerConfig } from '../../config.ts';
import {
  BackupError,
  backupKindOf,
  bumpEpochs,
  pgliteDirectory,
  restorePglite,
  restorePostgres,
} from '../../ops/backup.ts';
import { UsageError, defineCommand, required } from '../command.ts';
import { withDatabase } from '../open-cli-database.ts';

export const restoreCommand = defineCommand({
  words: ['restore'],
  summary: 'Replace the database with a backup; every device then downloads its data again.',
  usage: [
    'Stop every server instance first. --yes confirms that the current data is replaced.',
    'An embedded data directory that holds data is kept beside the restored one, never deleted.',
    'Example: shiftdesk-server restore --in shiftdesk-2026-11-30.backup --yes',
  ],
  options: { in: { type: 'string' }, yes: { type: 'boolean' } },
  run: async ({ values, env, print }) => {
    const file = required(values, 'in');
    if (values.yes !== true) throw new UsageError('Restoring replaces the current data: add --yes to confirm.');
    const config = loadServerConfig(env);
    const kind = await backupKindOf(file);
    if (config.databaseUrl) {
      if (kind !== 'pg_dump') throw new BackupError(`${file} is a PGlite copy; DATABASE_URL points at Postgres.`);
      print('Restoring Postgres with pg_restore…');
      await restorePostgres(config.databaseUrl, file, print);
    } else {
      if (kind !== 'pglite')
        throw new BackupError(`${file} is a pg_dump file; without DATABASE_URL the server uses PGlite.`);
      const keptAt = await restorePglite(file, pgliteDirectory(config.dataDir));
      if (keptAt) print(`The data that was there is kept at ${keptAt}.`);
    }
    // Opening migrates a backup from an older version; then every team starts a new epoch.
    const teams = await withDatabase(env, (db) => bumpEpochs(db));
    print(`Restored ${file}. ${teams} team(s) start a new sync epoch: devices download their data again.`);
  },
});
