import type { FastifyInstance } from 'fastify';

/**
 * API answers carry session tokens and team data: no browser or proxy cache may
 * keep them (a shared machine's disk cache would otherwise hold a sign-in).
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
