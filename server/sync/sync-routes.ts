import type { AppDeps } from '../app-deps.ts';
import type { Handlers } from '../http/handlers.ts';
import { PreSerialized } from '../http/register-endpoint.ts';
import { claimClientGroup } from './client-groups.ts';
import { fetchRoots } from './fetch-roots.ts';
import { processPull, serializePull } from './pull.ts';
import { processPush } from './push.ts';

export function syncHandlers({
  db,
  config,
  mutationHooks,
  metrics,
}: AppDeps): Pick<Handlers, 'push' | 'pull' | 'fetch' | 'problems'> {
  return {
    push: async ({ body, principal, request }) => {
      const response = await processPush(db, principal.user, body, request.log, mutationHooks);
      metrics?.pushed?.(response, body.mutations.length);
      return response;
    },

    pull: async ({ body, principal }) => {
      const page = await processPull(db, principal.user, body, { pageRows: config.pullPageRows });
      metrics?.pulled?.(page.rows.length);
      return new PreSerialized(serializePull(page));
    },

    fetch: async ({ body, principal }) => new PreSerialized(await fetchRoots(db, principal.user, body)),

    // Rows a client had to set aside: logged here so whoever runs the server sees the damage and its cause.
    problems: async ({ body, principal: { user }, request }) => {
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
    },
  };
}
