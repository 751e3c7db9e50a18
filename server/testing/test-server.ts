import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DatabaseKind } from '#shared/api/health';
import { LoginResponse } from '#shared/api/auth';
import { API_ROUTES } from '#shared/api/routes';
import { buildApp } from '../app.ts';
import { type ServerConfig, loadServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { DEMO_PASSWORD } from '../seed/demo-content.ts';
import { seedDemoTeam } from '../seed/demo-seed.ts';
import { openTestDatabase } from './test-databases.ts';

/** Cheap scrypt for tests only; the product always hashes with OWASP parameters. */
export const TEST_PASSWORD_PARAMS = { N: 2 ** 10, r: 8, p: 1 };

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  config: ServerConfig;
  /** Connection string of the database, for a second instance (Postgres only). */
  databaseUrl: string | null;
  close: () => Promise<void>;
}

export async function testConfig(overrides: Partial<ServerConfig> = {}): Promise<ServerConfig> {
  const dir = await mkdtemp(join(tmpdir(), 'shiftdesk-test-'));
  return {
    ...loadServerConfig({ SHIFTDESK_DATA_DIR: dir, SHIFTDESK_WEB_DIR: join(dir, 'web'), LOG_LEVEL: 'silent' }),
    ...overrides,
  };
}

/** A real server on a fresh database seeded with the demo team (`tickets` tickets). */
export async function startTestServer(
  kind: DatabaseKind,
  options: { tickets?: number; archivedTickets?: number; config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  const { db, url, drop } = await openTestDatabase(kind);
  await seedDemoTeam(db, {
    tickets: options.tickets ?? 20,
    archivedTickets: options.archivedTickets ?? 0,
    passwordParams: TEST_PASSWORD_PARAMS,
  });
  const config = await testConfig(options.config);
  const { app } = await buildApp(config, db, { passwordParams: TEST_PASSWORD_PARAMS });
  return {
    app,
    db,
    config,
    databaseUrl: url,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

export async function loginAs(app: FastifyInstance, role: string): Promise<LoginResponse> {
  const response = await app.inject({
    method: 'POST',
    url: API_ROUTES.login,
    payload: { email: `${role}@demo.shiftdesk.test`, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login as ${role} failed: ${response.statusCode} ${response.body}`);
  return LoginResponse.parse(response.json());
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
