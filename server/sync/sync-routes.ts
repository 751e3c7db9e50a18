import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '#shared/api/routes';
import { PullRequest, PushRequest } from '#shared/sync/protocol';
import type { AppDeps } from '../app-deps.ts';
import { requireUser } from '../auth/require-user.ts';
import { parseOrThrow } from '../http/errors.ts';
import { processPull } from './pull.ts';
import { processPush } from './push.ts';

export function registerSyncRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.post(API_ROUTES.push, async (request) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(PushRequest, request.body, 'The push request');
    return processPush(db, user, body, request.log);
  });

  app.post(API_ROUTES.pull, async (request) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(PullRequest, request.body, 'The pull request');
    return processPull(db, user, body);
  });
}
