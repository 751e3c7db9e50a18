import { stat } from 'node:fs/promises';
import { loadServerConfig } from '../../config.ts';
import { backupPglite, backupPostgres, pgliteDirectory } from '../../ops/backup.ts';
import { defineCommand, required } from '../command.ts';

export const backupCommand = defineCommand({
  words: ['backup'],
  summary: 'Write a backup of the database to a file.',
  usage: [
    'Postgres (DATABASE_URL set): a pg_dump custom-format file (needs pg_dump; the server may keep running).',
    'Embedded PGlite: a consistent copy of the data directory; stop the server first (it owns the directory).',
    'Example: shiftdesk-server backup --out shiftdesk-2026-11-30.backup',
  ],
  options: { out: { type: 'string' } },
  run: async ({ values, env, print }) => {
    const file = required(values, 'out');
    const config = loadServerConfig(env);
    if (config.databaseUrl) {
      print('Backing up Postgres with pg_dump…');
      await backupPostgres(config.databaseUrl, file, print);
    } else {
      print(`Backing up the embedded database in ${config.dataDir}…`);
      await backupPglite(pgliteDirectory(config.dataDir), file);
    }
    const { size } = await stat(file);
    print(`Backup written to ${file} (${(size / 1024 / 1024).toFixed(1)} MB).`);
  },
});
