import { LoginRequest, type LoginResponse, SessionUser } from '#shared/api/auth';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';
import { notImplemented } from '../http/not-implemented.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';

interface UserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
}

const WRONG_CREDENTIALS = 'That email and password do not match an account on this server.';

export function authHandlers({
  db,
  config,
  loginThrottles,
}: AppDeps): Pick<Handlers, 'login' | 'logout' | 'me' | 'changePassword'> {
  return {
    login: async ({ body, request }) => {
      const { email, password } = LoginRequest.parse(body);
      const normalizedEmail = email.trim().toLowerCase();
      const accountKey = `${request.ip}|${normalizedEmail}`;
      const waitMs = Math.max(
        loginThrottles.perAccount.retryAfterMs(accountKey),
        loginThrottles.perAddress.retryAfterMs(request.ip),
      );
      if (waitMs > 0) {
        const minutes = Math.ceil(waitMs / 60_000);
        throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${minutes} min.`, {
          'retry-after': String(Math.ceil(waitMs / 1000)),
        });
      }

      const [row] = await db.query<UserRow>(
        'select id, workspace_id, email, name, role, password_hash from users where email = $1',
        [normalizedEmail],
      );
      const ok = row ? await verifyPassword(password, row.password_hash) : await verifyAgainstDummy(password);
      if (!row || !ok) {
        loginThrottles.perAccount.recordFailure(accountKey);
        loginThrottles.perAddress.recordFailure(request.ip);
        await recordAudit(db, {
          workspaceId: row?.workspace_id ?? null,
          userId: row?.id ?? null,
          action: 'login.failed',
          detail: { email: normalizedEmail },
        });
        throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
      }
      loginThrottles.perAccount.recordSuccess(accountKey);

      const user = SessionUser.parse({
        id: row.id,
        workspaceId: row.workspace_id,
        email: row.email,
        name: row.name,
        role: row.role,
      });
      const session = await createSession(db, user.id, config.sessionTtlMs);
      await recordAudit(db, { workspaceId: user.workspaceId, userId: user.id, action: 'login', detail: {} });
      const answer: LoginResponse = { token: session.token, expiresAt: session.expiresAt, user };
      return answer;
    },

    logout: async ({ principal }) => {
      await deleteSession(db, principal.token);
    },

    me: async ({ principal }) => principal.user,

    changePassword: notImplemented,
  };
}
