import { createHash, randomBytes } from 'node:crypto';
import { SessionUser } from '#shared/api/auth';
import type { Sql } from '../db/database.ts';

/** Only a hash of the token is stored, so a leaked database does not leak live sessions. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  sql: Sql,
  userId: string,
  ttlMs: number,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await sql.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, to_timestamp($3 / 1000.0))', [
    hashToken(token),
    userId,
    expiresAt,
  ]);
  return { token, expiresAt };
}

interface SessionUserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
}

/** The signed-in user for a bearer token, or null if the token is unknown or expired. */
export async function findSessionUser(
  sql: Sql,
  token: string,
  _request: { ip?: string } = {},
): Promise<SessionUser | null> {
  const [row] = await sql.query<SessionUserRow>(
    `select u.id, u.workspace_id, u.email, u.name, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.disabled_at is null`,
    [hashToken(token)],
  );
  if (!row) return null;
  return SessionUser.parse({
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    name: row.name,
    role: row.role,
  });
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [hashToken(token)]);
}
