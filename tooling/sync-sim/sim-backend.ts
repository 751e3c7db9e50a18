import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadServerConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { seedDemoTeam } from '../../server/seed/demo-seed.ts';
import { TEST_PASSWORD_PARAMS } from '../../server/testing/test-server.ts';
import { writeRow } from '../../server/sync/sync-rows.ts';
import { TicketEvent } from '#shared/domain/ticket-event';

export type SimBackendKind = 'pglite' | 'postgres';

/** One running server instance: the real app on a real database connection. */
export interface SimInstance {
  app: FastifyInstance;
  db: Database;
  /** Pokes this instance's live hub delivered, by version (proves NOTIFY fan-out between instances). */
  pokes: number[];
}

/**
 * The team backend the simulation runs against: the real server code, on an
 * embedded PGlite data directory (one instance), or on a scratch Postgres
 * database with two instances sharing it. Instances can be restarted on the
 * same data, as a deploy or a crash would.
 */
export class SimBackend {
  readonly instances: SimInstance[] = [];

  private constructor(
    readonly kind: SimBackendKind,
    private readonly location: { dataDir: string; databaseUrl?: string },
    private readonly pageRows: number,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(options: {
    kind: SimBackendKind;
    tickets: number;
    archivedTickets: number;
    pageRows: number;
  }): Promise<SimBackend> {
    const dataDir = await mkdtemp(join(tmpdir(), 'shiftdesk-sim-'));
    let databaseUrl: string | undefined;
    let dropDatabase = async () => undefined;
    if (options.kind === 'postgres') {
      const admin = process.env.TEST_DATABASE_URL;
      if (!admin) throw new Error('The Postgres simulation needs TEST_DATABASE_URL.');
      const name = `shiftdesk_sim_${process.pid}_${randomBytes(4).toString('hex')}`;
      await withAdmin(admin, (client) => client.query(`create database ${name}`));
      const url = new URL(admin);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = () =>
        withAdmin(admin, (client) => client.query(`drop database if exists ${name} with (force)`)).then(
          () => undefined,
        );
    }
    const backend = new SimBackend(options.kind, { dataDir, databaseUrl }, options.pageRows, async () => {
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    });
    const first = await backend.openInstance();
    await seedDemoTeam(first.db, {
      tickets: options.tickets,
      archivedTickets: options.archivedTickets,
      passwordParams: TEST_PASSWORD_PARAMS,
    });
    await seedArchiveHistory(first.db, options.tickets, options.archivedTickets);
    backend.instances.push(first);
    if (options.kind === 'postgres') backend.instances.push(await backend.openInstance());
    return backend;
  }

  /** The instance a client talks to: clients are split between instances. */
  instanceFor(clientIndex: number): SimInstance {
    const instance = this.instances[clientIndex % this.instances.length];
    if (!instance) throw new Error('no server instance');
    return instance;
  }

  /** Stops instance `index` and starts it again on the same data. */
  async restart(index: number): Promise<void> {
    const old = this.instances[index];
    if (!old) return;
    await old.app.close();
    await old.db.close();
    this.instances[index] = await this.openInstance();
  }

  /** Any instance's database (they share one). */
  get db(): Database {
    const first = this.instances[0];
    if (!first) throw new Error('no server instance');
    return first.db;
  }

  async stop(): Promise<void> {
    for (const instance of this.instances) {
      await instance.app.close();
      await instance.db.close();
    }
    await this.cleanup();
  }

  private async openInstance(): Promise<SimInstance> {
    const config = {
      ...loadServerConfig({
        SHIFTDESK_DATA_DIR: this.location.dataDir,
        SHIFTDESK_WEB_DIR: join(this.location.dataDir, 'web'),
        LOG_LEVEL: 'silent',
        ...(this.location.databaseUrl ? { DATABASE_URL: this.location.databaseUrl } : {}),
      }),
      pullPageRows: this.pageRows,
    };
    const db = await openDatabase(config);
    const { app, deps } = await buildApp(config, db);
    const pokes: number[] = [];
    deps.liveHub.connect('wsp_demo', 'usr_sim_observer', (message) => {
      if (message.type === 'poke') pokes.push(message.version);
    });
    return { app, db, pokes };
  }
}

/**
 * Archived tickets get a history, so a device that sees one come back into the
 * window (someone reopened it) must also fetch that history: the rows did not
 * change, so no pull brings them.
 */
async function seedArchiveHistory(db: Database, firstArchived: number, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ version: number }>(
      "update workspaces set version = version + 1 where id = 'wsp_demo' returning version",
    );
    for (let index = firstArchived; index < firstArchived + count; index++) {
      const ticketId = `tkt_${String(index + 1).padStart(6, '0')}`;
      for (const [n, tag] of ['escalated', 'refund'].entries()) {
        const event = TicketEvent.parse({
          id: `evt_archive_${index}_${n}`,
          ticketId,
          actorId: 'usr_lead',
          at: 1_000 + n,
          change: { kind: 'tag_added', tag },
        });
        await writeRow(tx, 'wsp_demo', 'ticketEvent', event, row?.version ?? 1);
      }
    }
  });
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
