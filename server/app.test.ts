import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HealthResponse } from '#shared/api/health';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { buildApp } from './app.ts';
import { describeEachDatabase, openTestDatabase } from './testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer, testConfig } from './testing/test-server.ts';
import { syncClient } from './testing/sync-client.ts';
import { APP_VERSION } from './version.ts';

describeEachDatabase('HTTP basics', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports health, version and database kind', async () => {
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.health });
    expect(response.statusCode).toBe(200);
    expect(HealthResponse.parse(response.json())).toEqual({ ok: true, version: APP_VERSION, db: kind });
  });

  it('sends security headers on every response', async () => {
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.health });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('says how to build the web app when it is missing', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.json<{ message: string }>().message).toMatch(/npm run build:web/);
  });

  it('allows the desktop app origin cross-origin, and nobody else', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: API_ROUTES.pull,
      headers: { origin: 'app://shiftdesk', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('app://shiftdesk');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const foreign = await server.app.inject({
      method: 'GET',
      url: API_ROUTES.health,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reads a ticket through the API for a signed-in user only', async () => {
    const anonymous = await server.app.inject({
      method: 'GET',
      url: routePath(API_ROUTES.ticket, { id: 'tkt_000001' }),
    });
    expect(anonymous.statusCode).toBe(401);
    const { token } = await loginAs(server.app, 'agent');
    const found = await server.app.inject({
      method: 'GET',
      url: routePath(API_ROUTES.ticket, { id: 'tkt_000001' }),
      headers: bearer(token),
    });
    expect(found.json()).toMatchObject({ id: 'tkt_000001', customerId: expect.stringMatching(/^cus_/) });
    const missing = await server.app.inject({
      method: 'GET',
      url: routePath(API_ROUTES.ticket, { id: 'tkt_999999' }),
      headers: bearer(token),
    });
    expect(missing.statusCode).toBe(404);
  });

  it("reads a ticket's conversation: replies and notes pushed by an agent, oldest first, for signed-in users", async () => {
    const { token } = await loginAs(server.app, 'agent');
    const agent = syncClient(server.app, token, { clientGroupId: 'app-test-group', clientId: 'app-test-client' });
    const write = (id: number, messageId: string, kind: string, body: string) =>
      agent.mutation('addMessage', { messageId, ticketId: 'tkt_000002', kind, body }, id);
    const pushed = await agent.push([
      write(1, 'msg_app_reply', 'reply', 'Sorry, on it.'),
      write(2, 'msg_app_note', 'note', 'VIP'),
    ]);
    expect(pushed.body.rejections).toEqual([]);
    const url = routePath(API_ROUTES.ticketMessages, { id: 'tkt_000002' });
    expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const answer = await server.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect(answer.statusCode).toBe(200);
    const { messages } = answer.json<{ messages: { id: string; kind: string }[] }>();
    expect(messages.map((m) => [m.id, m.kind])).toEqual([
      ['msg_app_reply', 'reply'],
      ['msg_app_note', 'note'],
    ]);
    const missing = routePath(API_ROUTES.ticketMessages, { id: 'tkt_999999' });
    expect((await server.app.inject({ method: 'GET', url: missing, headers: bearer(token) })).statusCode).toBe(404);
  });
});

describeEachDatabase('serving the web app', (kind) => {
  it('serves the built app with its CSP, the service worker uncached, and client routes as the app shell', async () => {
    const { db, drop } = await openTestDatabase(kind);
    const config = await testConfig();
    await mkdir(join(config.webDir, 'assets'), { recursive: true });
    await writeFile(join(config.webDir, 'index.html'), '<!doctype html><title>Shiftdesk</title>');
    await writeFile(join(config.webDir, 'sw.js'), 'self.x=1');
    await writeFile(join(config.webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    const { app } = await buildApp(config, db);
    try {
      const index = await app.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(index.headers['cache-control']).toBe('no-cache');

      const worker = await app.inject({ method: 'GET', url: '/sw.js' });
      expect(worker.headers['cache-control']).toBe('no-cache');

      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.headers['cache-control']).toMatch(/immutable/);
      // No CORS on the app's own files: `Vary: Origin` would make the service worker's cache miss
      // module scripts (requested with an Origin header, precached without one).
      const moduleScript = await app.inject({
        method: 'GET',
        url: '/assets/app-1234.js',
        headers: { origin: 'app://shiftdesk' },
      });
      expect(moduleScript.headers.vary ?? '').not.toMatch(/origin/i);
      expect(moduleScript.headers['access-control-allow-origin']).toBeUndefined();

      const clientRoute = await app.inject({ method: 'GET', url: '/tickets/tkt_1', headers: { accept: 'text/html' } });
      expect(clientRoute.statusCode).toBe(200);
      expect(clientRoute.body).toContain('<title>Shiftdesk</title>');

      const traversal = await app.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' });
      expect(traversal.statusCode).toBeGreaterThanOrEqual(400);
      expect(traversal.body).not.toContain('"devDependencies"');
    } finally {
      await app.close();
      await drop();
    }
  });
});
