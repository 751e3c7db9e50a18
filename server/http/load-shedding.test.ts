import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES } from '#shared/api/routes';
import { installErrorHandler } from './errors.ts';
import { installLoadShedding, shedLoad } from './load-shedding.ts';

/** A server that is always "under pressure": every route runs the real handler under-pressure would call. */
const app = Fastify();
beforeAll(async () => {
  installErrorHandler(app);
  app.addHook('onRequest', async (request) => shedLoad(request));
  for (const url of [API_ROUTES.health, API_ROUTES.metrics, API_ROUTES.ready, API_ROUTES.pull]) {
    app.get(url, async () => ({ ok: true }));
  }
  await app.ready();
});
afterAll(() => app.close());

it.each([API_ROUTES.ready, API_ROUTES.pull])('turns %s away with a JSON 503 and Retry-After', async (url) => {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(503);
  expect(ApiErrorBody.parse(response.json())).toMatchObject({ error: 'overloaded' });
  expect(response.headers['retry-after']).toBe('5');
});

it.each([API_ROUTES.health, API_ROUTES.metrics])('still answers %s (liveness and metrics)', async (url) => {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
});

it.each([true, false])('watches the event loop only when enabled (%s)', async (enabled) => {
  const server = Fastify();
  await installLoadShedding(server, enabled);
  await server.ready();
  expect(server.hasDecorator('isUnderPressure')).toBe(enabled);
  await server.close();
});
