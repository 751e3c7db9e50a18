import { createHash, randomBytes } from 'node:crypto';
import { SessionUser } from '#shared/api/auth';
import type { Sql } from '../db/database.ts';

/**
 * How long sessions live: `ttlMs` from sign-in at most (absolute), and `idleMs`
 * after the last request (an app left signed in on a shared desk stops working
 * after a shift's worth of silence).
 */
export interface SessionPolicy {
  ttlMs: number;
  idleMs: number;
}

/** Only a hash of the token is stored, so a leaked database does not leak live sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A user row as stored; the one place it becomes a SessionUser. */
export interface UserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
}

export function sessionUserFromRow(row: UserRow): SessionUser {
  return SessionUser.parse({
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    name: row.name,
    role: row.role,
  });
}

/** A new session: 256 bits from the CSPRNG, a fresh token for every sign-in. */
export async function createSession(
  sql: Sql,
  userId: string,
  policy: SessionPolicy,
  options: { ip?: string; now?: number } = {},
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const now = options.now ?? Date.now();
  const expiresAt = now + policy.ttlMs;
  await sql.query(
    'insert into sessions (token_hash, user_id, expires_at, ip) values ($1, $2, to_timestamp($3 / 1000.0), $4)',
    [hashSessionToken(token), userId, expiresAt, options.ip ?? null],
  );
  // Sign-in is a good moment to forget this person's dead sessions, so the table stays small.
  await sql.query(
    `delete from sessions where user_id = $1
        and (expires_at <= now() or last_seen_at <= now() - make_interval(secs => $2 / 1000.0))`,
    [userId, policy.idleMs],
  );
  return { token, expiresAt };
}

/** SQL condition for a session that is still alive; `$idle` is the idle limit in ms. */
export function liveSessionCondition(alias: string, idleParam: string): string {
  return `${alias}.expires_at > now() and ${alias}.last_seen_at > now() - make_interval(secs => ${idleParam} / 1000.0)`;
}

/**
 * The signed-in user for a bearer token, or null if the token is unknown, past
 * either expiry, or its account is disabled. Marks the session seen at most once
 * a minute: a write per request would make every sync call a row update.
 */
export async function findSessionUser(
  sql: Sql,
  token: string,
  policy: Pick<SessionPolicy, 'idleMs'>,
  request: { ip?: string } = {},
): Promise<SessionUser | null> {
  const tokenHash = hashSessionToken(token);
  const [row] = await sql.query<UserRow & { stale: boolean }>(
    `select u.id, u.workspace_id, u.email, u.name, u.role,
            s.last_seen_at < now() - interval '1 minute' as stale
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and ${liveSessionCondition('s', '$2')} and u.disabled_at is null`,
    [tokenHash, policy.idleMs],
  );
  if (!row) return null;
  if (row.stale) {
    await sql.query('update sessions set last_seen_at = now(), ip = coalesce($2, ip) where token_hash = $1', [
      tokenHash,
      request.ip ?? null,
    ]);
  }
  return sessionUserFromRow(row);
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [hashSessionToken(token)]);
}

/**
 * Ends every session of a user (all but `keepToken`'s, when changing one's own
 * password). Returns how many ended. Open sockets are told separately
 * (notifySessionsEnded), in the same transaction, so they close on commit.
 */
export async function endSessions(sql: Sql, userId: string, options: { keepToken?: string } = {}): Promise<number> {
  const ended = await sql.query<{ token_hash: string }>(
    'delete from sessions where user_id = $1 and token_hash is distinct from $2 returning token_hash',
    [userId, options.keepToken ? hashSessionToken(options.keepToken) : null],
  );
  return ended.length;
}
