import type { AppDeps } from '../app-deps.ts';
import { accountErrorToHttp } from '../accounts/account-errors.ts';
import { auditActor } from '../http/audit-actor.ts';
import type { Handlers } from '../http/handlers.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';

export function apiKeyHandlers({ db }: AppDeps): Pick<Handlers, 'listApiKeys' | 'createApiKey' | 'revokeApiKey'> {
  return {
    listApiKeys: async ({ principal }) => ({ keys: await listApiKeys(db, principal.user.workspaceId) }),
    createApiKey: async ({ body, principal, request }) =>
      createApiKey(db, { ...body, workspaceId: principal.user.workspaceId, actor: auditActor(principal, request) }),
    revokeApiKey: async ({ params, principal, request }) =>
      revokeApiKey(db, {
        workspaceId: principal.user.workspaceId,
        id: params.id,
        actor: auditActor(principal, request),
      }).catch(accountErrorToHttp),
  };
}
