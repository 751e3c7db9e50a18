import type { AppDeps } from '../app-deps.ts';
import { auditActor } from '../http/audit-actor.ts';
import type { Handlers } from '../http/handlers.ts';
import { accountErrorToHttp } from './account-errors.ts';
import { listAccounts } from './account-rows.ts';
import { createAccount } from './create-account.ts';
import { resetPassword } from './password-changes.ts';
import { revokeSessions } from './revoke-sessions.ts';
import { updateAccount } from './update-account.ts';

/** The admin's account routes: thin over the account operations, which the command line shares. */
export function accountHandlers({
  db,
  config,
  passwordParams,
}: AppDeps): Pick<Handlers, 'listUsers' | 'createUser' | 'updateUser' | 'resetPassword' | 'revokeSessions'> {
  const idleMs = config.sessionIdleMs;
  return {
    listUsers: async ({ principal }) => ({ users: await listAccounts(db, principal.user.workspaceId, idleMs) }),
    createUser: async ({ body, principal, request }) => {
      const created = await createAccount(db, {
        ...body,
        workspaceId: principal.user.workspaceId,
        actor: auditActor(principal, request),
        idleMs,
        passwordParams,
      }).catch(accountErrorToHttp);
      return { user: created.account, generatedPassword: created.generatedPassword };
    },
    updateUser: async ({ params, body, principal, request }) =>
      updateAccount(
        db,
        { workspaceId: principal.user.workspaceId, userId: params.id, actor: auditActor(principal, request), idleMs },
        body,
      ).catch(accountErrorToHttp),
    resetPassword: async ({ params, body, principal, request }) =>
      resetPassword(db, {
        workspaceId: principal.user.workspaceId,
        userId: params.id,
        password: body.password,
        actor: auditActor(principal, request),
        passwordParams,
      }).catch(accountErrorToHttp),
    revokeSessions: async ({ params, principal, request }) => {
      await revokeSessions(db, {
        workspaceId: principal.user.workspaceId,
        userId: params.id,
        actor: auditActor(principal, request),
      }).catch(accountErrorToHttp);
    },
  };
}
