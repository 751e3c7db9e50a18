import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: @fastify/cors leaves the route alone (read by the plugin at request time). */
    cors?: false;
  }
}

/**
 * The desktop app loads from `app://shiftdesk` and calls the backend over HTTP,
 * which is cross-origin. Only configured origins are allowed, and since auth is
 * a bearer header (no cookies), credentials are never allowed.
 */
export async function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  // Only the API is cross-origin. The web app's own files must not carry the plugin's
  // `Vary: Origin`: the service worker's cache would then miss module scripts (the
  // browser sends them with an Origin header, the precache fetched them without).
  // OPTIONS routes stay: the plugin answers preflights on its own `OPTIONS *` route.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') && !methods.includes('OPTIONS')) route.config = { ...route.config, cors: false };
  });
  await app.register(fastifyCors, {
    origin: [...allowedOrigins],
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
    // Clients back off on 429/503 by this header; cross-origin scripts only see it when exposed.
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
}
