import type { LoginResponse } from '#shared/api/auth';
import type { AppDeps } from '../app-deps.ts';
import { changeOwnPassword } from '../accounts/password-changes.ts';
import { AccountError, accountErrorToHttp } from '../accounts/account-errors.ts';
import { recordAudit } from '../audit.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';
import { notifySessionsEnded } from '../live/session-ends.ts';
import { reserveLoginAttempt } from './login-attempts.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { type UserRow, createSession, deleteSession, sessionUserFromRow } from './sessions.ts';

const WRONG_CREDENTIALS = 'That email and password do not match an account on this server.';

export function authHandlers({
  db,
  config,
  loginThrottles,
  passwordParams,
}: AppDeps): Pick<Handlers, 'login' | 'logout' | 'me' | 'changePassword'> {
  const policy = { ttlMs: config.sessionTtlMs, idleMs: config.sessionIdleMs };
  return {
    login: async ({ body: { email, password }, request }) => {
      const attempt = reserveLoginAttempt(loginThrottles, email, request.ip);
      const [row] = await db.query<UserRow & { password_hash: string; disabled: boolean }>(
        `select id, workspace_id, email, name, role, password_hash, disabled_at is not null as disabled
           from users where email = $1`,
        [email],
      );
      const passwordOk = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstDummy(password);
      // A disabled account gets the wrong-password answer: the form must not tell who has an account.
      if (!row || !passwordOk || row.disabled) {
        await recordAudit(db, {
          workspaceId: row?.workspace_id ?? null,
          userId: row?.id ?? null,
          ip: request.ip,
          action: 'login.failed',
          detail: { email, reason: !row ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled' },
        });
        throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
      }
      attempt.succeeded();
      const user = sessionUserFromRow(row);
      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, user.id, policy, { ip: request.ip });
        await tx.query('update users set last_login_at = now() where id = $1', [user.id]);
        await recordAudit(tx, {
          workspaceId: user.workspaceId,
          userId: user.id,
          ip: request.ip,
          action: 'login',
          detail: {},
        });
        return created;
      });
      const answer: LoginResponse = { token: session.token, expiresAt: session.expiresAt, user };
      return answer;
    },
    logout: async ({ principal, request }) => {
      await db.transaction(async (tx) => {
        await deleteSession(tx, principal.token);
        await recordAudit(tx, {
          workspaceId: principal.user.workspaceId,
          userId: principal.user.id,
          ip: request.ip,
          action: 'logout',
          detail: {},
        });
        // This session's own sockets close too (the app may have several windows).
        await notifySessionsEnded(tx, principal.user.id);
      });
    },
    me: async ({ principal }) => principal.user,
    changePassword: async ({ body, principal, request }) => {
      // Guessing the current password from a stolen session is throttled like guessing at sign-in.
      const attempt = reserveLoginAttempt(loginThrottles, principal.user.email, request.ip);
      try {
        await changeOwnPassword(db, {
          user: principal.user,
          currentToken: principal.token,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          ip: request.ip,
          passwordParams,
        });
      } catch (error) {
        // Only a wrong current password counts against the budget; a weak new one was no guess.
        if (!(error instanceof AccountError && error.code === 'wrong_password')) attempt.succeeded();
        accountErrorToHttp(error);
      }
      attempt.succeeded();
    },
  };
}
