import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '#shared/api/health';
import { API_ROUTES } from '#shared/api/routes';
import type { AppDeps } from './app-deps.ts';

export function registerHealthRoute(app: FastifyInstance, { db, version }: AppDeps): void {
  app.get(API_ROUTES.health, async (_request, reply) => {
    const ok = await db.query('select 1').then(
      () => true,
      () => false,
    );
    const body: HealthResponse = { ok, version, db: db.kind };
    return reply.status(ok ? 200 : 503).send(body);
  });
}
