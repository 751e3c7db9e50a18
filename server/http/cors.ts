import type { FastifyInstance } from 'fastify';

/**
 * The desktop app loads from `app://shiftdesk` and calls the backend over HTTP,
 * which is cross-origin. Only configured origins are allowed, and since auth is
 * a bearer header (no cookies), credentials are never allowed.
 */
export function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    if (request.method !== 'OPTIONS') return;
    // A preflight is answered here, before routing (there are no OPTIONS routes).
    await reply
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .status(204)
      .send();
    return reply;
  });
}
