import { ConfigError, loadServerConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { importCommand } from './import-command.ts';

/**
 * `npm run server:import -- <file> …`: a temporary entry point until the
 * `shiftdesk-server` command line exists (it will call importCommand). Opens
 * the same database `npm run server` would; with PGlite, stop the server first
 * (one process per data directory).
 */
async function main(): Promise<number> {
  const db = await openDatabase(loadServerConfig(process.env));
  try {
    return await importCommand(db, process.argv.slice(2), (line) => console.log(line));
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
