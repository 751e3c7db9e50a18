import type { FastifyInstance } from 'fastify';
import { ArchiveSearchRequest } from '#shared/api/archive';
import { API_ROUTES } from '#shared/api/routes';
import { FetchRequest, ProblemReport, PullRequest, PushRequest } from '#shared/sync/protocol';
import type { AppDeps } from '../app-deps.ts';
import { requireUser } from '../auth/require-user.ts';
import { parseOrThrow } from '../http/errors.ts';
import { rateLimitConfig } from '../http/rate-limits.ts';
import { searchArchive } from '../tickets/archive-search.ts';
import { claimClientGroup } from './client-groups.ts';
import { fetchRoots } from './fetch-roots.ts';
import { processPull, serializePull } from './pull.ts';
import { processPush } from './push.ts';

export function registerSyncRoutes(app: FastifyInstance, { db, config, mutationHooks, metrics }: AppDeps): void {
  const sync = { config: { rateLimit: rateLimitConfig('sync', config) } };
  const session = { config: { rateLimit: rateLimitConfig('session', config) } };

  app.post(API_ROUTES.push, sync, async (request) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(PushRequest, request.body, 'The push request');
    const response = await processPush(db, user, body, request.log, mutationHooks);
    metrics?.pushed?.(response, body.mutations.length);
    return response;
  });

  app.post(API_ROUTES.pull, sync, async (request, reply) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(PullRequest, request.body, 'The pull request');
    const page = await processPull(db, user, body, { pageRows: config.pullPageRows });
    metrics?.pulled?.(page.rows.length);
    return reply.type('application/json; charset=utf-8').send(serializePull(page));
  });

  app.post(API_ROUTES.fetch, sync, async (request, reply) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(FetchRequest, request.body, 'The fetch request');
    return reply.type('application/json; charset=utf-8').send(await fetchRoots(db, user, body));
  });

  // Rows a client had to set aside: logged here so whoever runs the server sees the damage and its cause.
  app.post(API_ROUTES.problems, sync, async (request, reply) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(ProblemReport, request.body, 'The problem report');
    await claimClientGroup(db, body.clientGroupId, user);
    for (const problem of body.problems) {
      request.log.warn(
        {
          userId: user.id,
          clientGroupId: body.clientGroupId,
          entity: problem.entity,
          rowId: problem.id,
          problem: problem.problem,
        },
        'a client set aside a row it could not accept',
      );
    }
    return reply.status(204).send();
  });

  app.post(API_ROUTES.archiveSearch, session, async (request) => {
    const user = await requireUser(db, request);
    const body = parseOrThrow(ArchiveSearchRequest, request.body, 'The archive search');
    return searchArchive(db, user, body.query, body.limit);
  });
}
