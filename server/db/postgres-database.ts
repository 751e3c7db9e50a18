import pg from 'pg';
import { beginStatement, type Database, type Sql, type SqlParam } from './database.ts';
import { PostgresListener } from './postgres-listener.ts';

const INT8_OID = 20;

/** Production store: a pooled connection to Postgres, plus one connection for LISTEN. */
export async function openPostgresDatabase(
  connectionString: string,
  options: { poolSize?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // Versions and epoch-ms columns are int8; they stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', () => undefined);
  // Fail at start-up, with the driver's message, rather than on the first request.
  await pool.query('select 1');

  const listener = new PostgresListener(connectionString);

  return {
    kind: 'postgres',
    query: async <Row extends object>(text: string, params?: readonly SqlParam[]) =>
      (await pool.query(text, params ? [...params] : undefined)).rows as Row[],
    exec: async (text) => {
      await pool.query(text);
    },
    transaction: async (work, txOptions) => {
      const client = await pool.connect();
      try {
        await client.query(beginStatement(txOptions?.isolation));
        const tx: Sql = {
          query: async <Row extends object>(text: string, params?: readonly SqlParam[]) =>
            (await client.query(text, params ? [...params] : undefined)).rows as Row[],
          exec: async (text) => {
            await client.query(text);
          },
        };
        const result = await work(tx);
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it rather than pool it.
        const rollbackFailure = await client.query('rollback').then(
          () => undefined,
          (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
        );
        client.release(rollbackFailure);
        throw error;
      }
    },
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}
