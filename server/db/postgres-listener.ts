import pg from 'pg';
import { Backoff } from '#shared/util/backoff';

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * One dedicated connection for LISTEN, kept alive: when it drops (a restart, a
 * failover), it reconnects with backoff and listens on every channel again.
 * Pokes sent while it was down are lost, which is fine: clients pull on
 * reconnect and poll as a fallback.
 */
export class PostgresListener {
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;
  private readonly backoff = new Backoff({ baseMs: 250, maxMs: MAX_RECONNECT_DELAY_MS, minMs: 100 });
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** LISTEN statements one at a time: a pg client runs one query at a time (pg@9 refuses overlapping ones). */
  private statements: Promise<unknown> = Promise.resolve();

  constructor(private readonly connectionString: string) {}

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.statements.then(work, work);
    this.statements = run.catch(() => undefined);
    return run;
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connection();
      await this.inTurn(() => client.query(`listen ${pg.escapeIdentifier(channel)}`));
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    this.client = client;
    this.backoff.reset();
    return client;
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.backoff.next();
    this.retryTimer = setTimeout(() => {
      this.connection().catch(() => this.scheduleReconnect());
    }, delay);
  }
}
