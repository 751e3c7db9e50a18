import type { HealthResponse } from '#shared/api/health';
import type { AppDeps } from './app-deps.ts';
import type { Handlers } from './http/handlers.ts';

export function healthHandlers({ db, version }: AppDeps): Pick<Handlers, 'health'> {
  return {
    health: async ({ reply }) => {
      const ok = await db.query('select 1').then(
        () => true,
        () => false,
      );
      const body: HealthResponse = { ok, version, db: db.kind };
      reply.status(ok ? 200 : 503);
      return body;
    },
  };
}
