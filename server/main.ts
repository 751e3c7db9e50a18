import { ConfigError, loadServerConfig } from './config.ts';
import { buildApp } from './app.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { openDatabase } from './db/open-database.ts';
import { type Running, installGracefulShutdown } from './ops/graceful-shutdown.ts';
import { seedDemoTeam } from './seed/demo-seed.ts';

/**
 * `npm run server` / `npm run start:web`: opens (and migrates) the database,
 * seeds the demo team on first run, serves API and web app, and shuts down
 * cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadServerConfig(process.env);
  const where = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Shiftdesk server: opening ${where}…`);
  const db = await openDatabase(config, { onNotice: (message) => console.log(message) });
  const running: Running = { db };
  installGracefulShutdown(running);

  if (config.seed === 'demo') {
    let lastShown = 0;
    const result = await seedDemoTeam(db, {
      tickets: config.seedTickets,
      onProgress: (done, total) => {
        if (done - lastShown >= 5_000 || done === total) {
          lastShown = done;
          console.log(`Seeding demo team: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} tickets`);
        }
      },
    });
    if (result.seeded) console.log(`Seeded the demo team with ${result.tickets} tickets (logins in README.md).`);
  }

  const { app } = await buildApp(config, db);
  running.app = app;

  const address = await app.listen({ port: config.port, host: config.host });
  const shownUrl = address.replace('://[::1]', '://localhost');
  console.log(`\nShiftdesk is running at ${shownUrl}/  (API health: ${shownUrl}/api/v1/health)\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`Port already in use: ${error.message}. Stop the other server or set PORT to a free port.`);
  } else {
    console.error('Shiftdesk server failed to start:', error);
  }
  process.exit(1);
});
