import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';

export const SHUTDOWN_DEADLINE_MS = 10_000;

/** What is running; `app` is set once the server is built (a signal may come during seeding). */
export interface Running {
  db: Database;
  app?: FastifyInstance;
}

/**
 * On SIGINT/SIGTERM: stop accepting connections, let requests in progress
 * finish (Fastify's close; idle keep-alive sockets go at once), close the live
 * sockets (the WebSocket plugin's preClose) and the live hub, then the
 * database: PGlite finishes its queued work before closing its files, so it is
 * never left half-written. If that takes longer than the deadline, or a second
 * signal comes, the process exits non-zero and says so.
 */
export function installGracefulShutdown(running: Running, deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for shutdown to finish.`);
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: finishing requests in progress, then closing the database… (${signal} again to force)`);
    setTimeout(() => {
      console.error(
        `Shiftdesk server: shutdown did not finish within ${deadlineMs / 1000} s (a request or the database hung); exiting anyway.`,
      );
      process.exit(1);
    }, deadlineMs);
    try {
      await running.app?.close();
      await running.db.close();
    } catch (error) {
      console.error('Shiftdesk server: shutdown failed:', error);
      process.exit(1);
    }
    console.log('Shiftdesk server stopped.');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}
