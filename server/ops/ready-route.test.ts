import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorBody } from '#shared/api/errors';
import { ReadyResponse } from '#shared/api/health';
import { API_ROUTES } from '#shared/api/routes';
import { MIGRATIONS } from '../db/migrate.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('readiness', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.ready });
    expect(response.statusCode).toBe(200);
    expect(ReadyResponse.parse(response.json())).toMatchObject({ ready: true, db: kind, schema: MIGRATIONS.length });
  });

  it('is not ready, saying which migration is missing, when the schema is behind the code', async () => {
    const last = MIGRATIONS[MIGRATIONS.length - 1];
    if (!last) throw new Error('no migrations');
    await server.db.query('delete from schema_migrations where id = $1', [last.id]);
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.ready });
    expect(response.statusCode).toBe(503);
    const body = ApiErrorBody.parse(response.json());
    expect(body.error).toBe('not_ready');
    expect(body.message).toContain(`${last.id} (${last.name})`);
    expect(response.headers['retry-after']).toBe('5');
    // Liveness is unaffected: the process is fine, it just must not take traffic.
    expect((await server.app.inject({ method: 'GET', url: API_ROUTES.health })).statusCode).toBe(200);
  });
});
