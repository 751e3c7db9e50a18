import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * The desktop app loads from `app://shiftdesk` and calls the backend over HTTP,
 * which is cross-origin. Only configured origins are allowed, and since auth is
 * a bearer header (no cookies), credentials are never allowed.
 */
export async function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
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
