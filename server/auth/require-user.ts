import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '#shared/api/auth';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';
import { findSessionUser } from './sessions.ts';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
  return match?.[1] ?? null;
}

/** The signed-in user behind a request, or a 401 that tells the client to sign in again. */
export async function requireUser(sql: Sql, request: FastifyRequest): Promise<SessionUser> {
  const token = bearerToken(request);
  const user = token ? await findSessionUser(sql, token) : null;
  if (!user) throw new HttpError(401, 'unauthenticated', 'Your session has ended. Sign in again to keep syncing.');
  return user;
}
