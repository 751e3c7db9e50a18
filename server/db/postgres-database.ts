import pg from 'pg';
import { beginStatement, type Database, type Sql, type SqlParam } from './database.ts';

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

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;

  const ensureListenClient = async (): Promise<pg.Client> => {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString });
    await client.connect();
    client.on('notification', (message) => {
      for (const handler of listeners.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => {
      // A dropped LISTEN connection only delays pokes: clients also poll and pull on reconnect.
      listenClient = undefined;
    });
    listenClient = client;
    return client;
  };

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
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onPayload) => {
      const client = await ensureListenClient();
      let handlers = listeners.get(channel);
      if (!handlers) {
        handlers = new Set();
        listeners.set(channel, handlers);
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      handlers.add(onPayload);
      return async () => {
        handlers.delete(onPayload);
      };
    },
    close: async () => {
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
