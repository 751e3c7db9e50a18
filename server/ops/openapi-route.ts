import { buildOpenApiDocument } from '#shared/api/openapi';
import type { AppDeps } from '../app-deps.ts';
import type { Handlers } from '../http/handlers.ts';

export function openApiHandlers({ version }: AppDeps): Pick<Handlers, 'openapi'> {
  // Built once: the declarations do not change while the server runs.
  const document = JSON.stringify(buildOpenApiDocument(version));
  return {
    openapi: async ({ reply }) => reply.type('application/json; charset=utf-8').send(document),
  };
}
