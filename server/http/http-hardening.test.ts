import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES } from '#shared/api/routes';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, bearer, loginAs, startTestServer } from '../testing/test-server.ts';
import { RATE_LIMIT_BUDGETS } from './rate-limits.ts';

/** A client that is not this machine (loopback is never rate limited). */
const REMOTE = '203.0.113.7';

describeEachDatabase('HTTP hardening', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends helmet’s headers, and the strictest CSP on API answers', async () => {
    const response = await server.app.inject({ method: 'GET', url: API_ROUTES.health });
    expect(response.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'strict-transport-security': 'max-age=15552000',
    });
  });

  it('answers an allowed origin’s preflight with the methods and headers the API uses, without credentials', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: API_ROUTES.push,
      headers: {
        origin: 'app://shiftdesk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('app://shiftdesk');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST, PATCH, DELETE, OPTIONS');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization, content-type, idempotency-key');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const simple = await server.app.inject({
      method: 'GET',
      url: API_ROUTES.health,
      headers: { origin: 'app://shiftdesk' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('app://shiftdesk');
    expect(simple.headers['access-control-expose-headers']).toBe('retry-after');
  });

  it('gives other origins no CORS grant, preflight or not', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: API_ROUTES.push,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await server.app.inject({
      method: 'GET',
      url: API_ROUTES.health,
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never lets a cache keep API answers, the sign-in and /me above all (they carry the session)', async () => {
    const login = await server.app.inject({
      method: 'POST',
      url: API_ROUTES.login,
      payload: { email: 'agent@demo.shiftdesk.test', password: 'wrong' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const { token } = await loginAs(server.app, 'agent');
    const me = await server.app.inject({ method: 'GET', url: API_ROUTES.me, headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const missing = await server.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('refuses a body that tries to set a prototype with a JSON 400', async () => {
    for (const payload of ['{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}']) {
      const response = await server.app.inject({
        method: 'POST',
        url: API_ROUTES.login,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      // Fastify's parser (secure-json-parse) refuses it as invalid JSON.
      expect(ApiErrorBody.parse(response.json()).message).toMatch(/not valid JSON/);
    }
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });

  it('answers a client over its budget with a JSON 429 and Retry-After; this machine is never limited', async () => {
    const attempt = (remoteAddress: string) =>
      server.app.inject({ method: 'POST', url: API_ROUTES.login, remoteAddress, payload: {} });
    const budget = RATE_LIMIT_BUDGETS.login.perMinute(server.config);
    for (let i = 0; i < budget; i++) expect((await attempt(REMOTE)).statusCode).toBe(400);
    const limited = await attempt(REMOTE);
    expect(limited.statusCode).toBe(429);
    expect(ApiErrorBody.parse(limited.json())).toMatchObject({ error: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['cache-control']).toBe('no-store');

    // Another address has its own budget, and loopback has none.
    expect((await attempt('203.0.113.8')).statusCode).toBe(400);
    for (let i = 0; i <= budget; i++) expect((await attempt('127.0.0.1')).statusCode).toBe(400);
  });
});
