import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES, routePath } from '#shared/api/routes';
import type { ServerConfig } from '../config.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';

const TOKEN = 'metrics-token-for-tests';
const REMOTE = '203.0.113.7';
/** Each test starts its own server (the mode differs), which takes a while on a busy machine. */
const TIMEOUT_MS = 90_000;

describeEachDatabase('/metrics', (kind) => {
  let server: TestServer | undefined;
  const start = async (metrics: ServerConfig['metrics']) => {
    server = await startTestServer(kind, { tickets: 10, config: { metrics } });
    return server.app;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  }, TIMEOUT_MS);

  it(
    'does not exist when off (the default)',
    async () => {
      const app = await start({ mode: 'off', token: undefined });
      const response = await app.inject({ method: 'GET', url: API_ROUTES.metrics });
      expect(response.statusCode).toBe(404);
      expect(ApiErrorBody.parse(response.json()).error).toBe('not_found');
    },
    TIMEOUT_MS,
  );

  it(
    'when on without a token, answers this machine only',
    async () => {
      const app = await start({ mode: 'on', token: undefined });
      const local = await app.inject({ method: 'GET', url: API_ROUTES.metrics });
      expect(local.statusCode).toBe(200);
      expect(local.headers['content-type']).toMatch(/^text\/plain/);
      const remote = await app.inject({ method: 'GET', url: API_ROUTES.metrics, remoteAddress: REMOTE });
      expect(remote.statusCode).toBe(403);
      expect(ApiErrorBody.parse(remote.json()).error).toBe('forbidden');
    },
    TIMEOUT_MS,
  );

  it(
    'with a token, answers whoever sends it and nobody else, from anywhere',
    async () => {
      const app = await start({ mode: 'token', token: TOKEN });
      for (const headers of [{}, bearer('wrong-token-of-some-length'), { authorization: TOKEN }]) {
        const refused = await app.inject({ method: 'GET', url: API_ROUTES.metrics, headers });
        expect(refused.statusCode).toBe(401);
      }
      const allowed = await app.inject({
        method: 'GET',
        url: API_ROUTES.metrics,
        remoteAddress: REMOTE,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(allowed.statusCode).toBe(200);
    },
    TIMEOUT_MS,
  );

  it(
    'counts requests by route pattern, pushes, pulls, rejections by code and live sockets',
    async () => {
      const app = await start({ mode: 'on', token: undefined });
      const { token } = await loginAs(app, 'agent');
      await app.inject({
        method: 'GET',
        url: routePath(API_ROUTES.ticket, { id: 'tkt_000001' }),
        headers: bearer(token),
      });
      const client = syncClient(app, token, { clientGroupId: `metrics-${kind}`, clientId: `metrics-client-${kind}` });
      await client.push([
        client.mutation('setPriority', { ticketId: 'tkt_000002', priority: 'urgent' }),
        client.mutation('noSuchMutation', {}),
      ]);
      await client.pull(null);
      const text = (await app.inject({ method: 'GET', url: API_ROUTES.metrics })).body;

      expect(text).toMatch(
        /shiftdesk_http_requests_total\{route="\/api\/v1\/tickets\/:id",method="GET",status="200"\} 1/,
      );
      expect(text).not.toContain('tkt_000001');
      expect(text).toMatch(
        /shiftdesk_http_request_duration_seconds_count\{route="\/api\/v1\/auth\/login",method="POST",status="200"\} 1/,
      );
      expect(text).toMatch(/shiftdesk_sync_pushes_total 1/);
      expect(text).toMatch(/shiftdesk_sync_mutations_total 2/);
      expect(text).toMatch(/shiftdesk_sync_mutation_rejections_total\{code="unknown_mutation"\} 1/);
      expect(text).toMatch(/shiftdesk_sync_pulls_total 1/);
      expect(text).toMatch(/shiftdesk_live_connections 0/);
      expect(text).toMatch(/process_cpu_seconds_total/);
    },
    TIMEOUT_MS,
  );

  it(
    'counts signed-in live sockets',
    async () => {
      const app = await start({ mode: 'on', token: undefined });
      const { token } = await loginAs(app, 'agent');
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const socket = new WebSocket(`ws://127.0.0.1:${port}${API_ROUTES.socket}`);
      const ready = new Promise<void>((resolve) =>
        socket.on('message', (data: Buffer) => {
          if ((JSON.parse(data.toString('utf8')) as { type: string }).type === 'ready') resolve();
        }),
      );
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'hello', token }));
      await ready;
      const scrape = async () => (await app.inject({ method: 'GET', url: API_ROUTES.metrics })).body;
      expect(await scrape()).toMatch(/shiftdesk_live_connections 1/);
      socket.close();
      await expect.poll(scrape).toMatch(/shiftdesk_live_connections 0/);
    },
    TIMEOUT_MS,
  );
});
