import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { beginStatement, type Database, type Sql, type SqlParam } from './database.ts';

/**
 * Embedded Postgres (WASM) in a data directory: the default, so one command runs
 * a team backend with nothing else installed. PGlite has a single connection,
 * so transactions are serialized by a queue here.
 */
/** `dataDir` is a directory, or 'memory' for a throwaway database (tests). */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (dataDir !== 'memory') await mkdir(dataDir, { recursive: true });
  const pg = new PGlite(dataDir === 'memory' ? 'memory://' : dataDir, {
    // Versions and epoch-ms columns are int8; they stay far below 2^53.
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  await pg.waitReady;

  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const rawQuery = async <Row extends object>(text: string, params?: readonly SqlParam[]) =>
    (await pg.query<Row>(text, params ? [...params] : undefined)).rows;

  const rawExec = async (text: string) => {
    await pg.exec(text);
  };

  return {
    kind: 'pglite',
    query: (text, params) => serialize(() => rawQuery(text, params)),
    exec: (text) => serialize(() => rawExec(text)),
    transaction: (work, options) =>
      serialize(async () => {
        await pg.query(beginStatement(options?.isolation));
        const tx: Sql = { query: rawQuery, exec: rawExec };
        try {
          const result = await work(tx);
          await pg.query('commit');
          return result;
        } catch (error) {
          await pg.query('rollback');
          throw error;
        }
      }),
    listen: async (channel, onPayload) => {
      const unsubscribe = await pg.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    close: async () => {
      await queue;
      await pg.close();
    },
  };
}
