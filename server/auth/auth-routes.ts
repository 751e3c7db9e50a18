import type { FastifyInstance } from 'fastify';
import { LoginRequest, type LoginResponse, SessionUser } from '#shared/api/auth';
import { API_ROUTES } from '#shared/api/routes';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { HttpError, parseOrThrow } from '../http/errors.ts';
import { rateLimitConfig } from '../http/rate-limits.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { bearerToken, requireUser } from './require-user.ts';
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

export function registerAuthRoutes(app: FastifyInstance, { db, config, loginThrottles }: AppDeps): void {
  const session = { config: { rateLimit: rateLimitConfig('session', config) } };

  app.post(API_ROUTES.login, { config: { rateLimit: rateLimitConfig('login', config) } }, async (request, reply) => {
    const { email, password } = parseOrThrow(LoginRequest, request.body, 'The sign-in form');
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
    const body: LoginResponse = { token: session.token, expiresAt: session.expiresAt, user };
    return reply.send(body);
  });

  app.post(API_ROUTES.logout, session, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await deleteSession(db, token);
    return reply.status(204).send();
  });

  app.get(API_ROUTES.me, session, async (request) => requireUser(db, request));
}
