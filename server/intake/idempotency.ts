import { createHash } from 'node:crypto';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';
import { type CommitBatcher, lockWorkspace } from './commit-batcher.ts';

/**
 * Idempotency-Key handling for intake (Stripe's model, and the IETF
 * httpapi-idempotency-key draft): the first request's answer is stored with the
 * key in the same transaction as the ticket it created, so a retry after a
 * timeout, a dropped connection or a server crash gets that answer back instead
 * of a second ticket. Keys are kept for 24 hours.
 */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** One key of one API key on one route, and the hash of what was asked with it. */
export interface IdempotencyScope {
  apiKeyId: string;
  route: string;
  key: string;
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/**
 * SHA-256 of the request as the server understood it (validated, defaults
 * applied), so a retry that serializes the same JSON differently — other key
 * order, other whitespace — still counts as the same request.
 */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** The answer stored under this key (younger than 24 h), or null. The same key with another request is a 422. */
export async function storedAnswer(sql: Sql, scope: IdempotencyScope): Promise<StoredAnswer | null> {
  const [row] = await sql.query<{ request_hash: string; status: number; response: unknown }>(
    `select request_hash, status, response from idempotency_keys
      where api_key_id = $1 and route = $2 and key = $3
        and created_at > now() - make_interval(hours => $4)`,
    [scope.apiKeyId, scope.route, scope.key, IDEMPOTENCY_TTL_HOURS],
  );
  if (!row) return null;
  if (row.request_hash !== scope.requestHash) {
    throw new HttpError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
    );
  }
  return { status: row.status, body: row.response };
}

/**
 * Stores the answer; call it inside the transaction that made the change. An
 * expired row with the same key is replaced. A live one cannot exist here (the
 * caller checked under the workspace lock), but if it somehow does the client
 * is told to retry rather than getting a second ticket.
 */
export async function storeAnswer(tx: Sql, scope: IdempotencyScope, answer: StoredAnswer): Promise<void> {
  const stored = await tx.query(
    `insert into idempotency_keys (api_key_id, route, key, request_hash, status, response)
     values ($1, $2, $3, $4, $5, $6::jsonb)
     on conflict (api_key_id, route, key) do update set
       request_hash = excluded.request_hash, status = excluded.status, response = excluded.response, created_at = now()
     where idempotency_keys.created_at <= now() - make_interval(hours => $7)
     returning key`,
    [
      scope.apiKeyId,
      scope.route,
      scope.key,
      scope.requestHash,
      answer.status,
      JSON.stringify(answer.body),
      IDEMPOTENCY_TTL_HOURS,
    ],
  );
  if (stored.length === 0) {
    throw new HttpError(
      409,
      'idempotency_in_progress',
      'Another request with this Idempotency-Key is being processed. Retry shortly.',
      { 'retry-after': '1' },
    );
  }
}

/** Deletes keys older than 24 hours; cheap (an index on created_at), run now and then. */
export async function sweepIdempotencyKeys(db: Sql): Promise<number> {
  const deleted = await db.query(
    'delete from idempotency_keys where created_at <= now() - make_interval(hours => $1) returning key',
    [IDEMPOTENCY_TTL_HOURS],
  );
  return deleted.length;
}

export type IdempotentResult<T> = { replayed: false; body: T } | { replayed: true; answer: StoredAnswer };

/**
 * Runs `work` at most once per Idempotency-Key. A retry of a finished request
 * is answered from the stored row without taking any lock. Two requests with
 * one key at the same moment are ordered by the workspace row lock: the second
 * waits for the first to commit, then finds its answer (read committed: each
 * statement sees what committed before it) and replays it. Without a key,
 * `work` simply runs under the lock.
 */
export async function runIdempotent<T>(
  db: Database,
  workspaceId: string,
  scope: IdempotencyScope | null,
  work: (tx: Sql) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (scope) {
    const earlier = await storedAnswer(db, scope);
    if (earlier) return { replayed: true, answer: earlier };
  }
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    if (scope) {
      const earlier = await storedAnswer(tx, scope);
      if (earlier) return { replayed: true, answer: earlier };
    }
    const done = await work(tx);
    if (scope) await storeAnswer(tx, scope, done);
    return { replayed: false, body: done.body };
  });
}

/**
 * `runIdempotent` through a commit batcher: the same guarantees, with the
 * request's work run in a savepoint of a shared transaction that holds the
 * workspace lock. The key is checked again under the lock, so a duplicate key
 * later in the same batch finds the answer stored by the earlier one (same
 * transaction) and replays it; the answer is stored in the same transaction as
 * the change, and nothing is answered before that transaction commits.
 */
export async function runIdempotentBatched<T>(
  db: Database,
  batcher: CommitBatcher,
  workspaceId: string,
  scope: IdempotencyScope | null,
  work: (tx: Sql, version: number) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (scope) {
    const earlier = await storedAnswer(db, scope);
    if (earlier) return { replayed: true, answer: earlier };
  }
  return batcher.run(workspaceId, async (tx, version): Promise<IdempotentResult<T>> => {
    if (scope) {
      const earlier = await storedAnswer(tx, scope);
      if (earlier) return { replayed: true, answer: earlier };
    }
    const done = await work(tx, version);
    if (scope) await storeAnswer(tx, scope, done);
    return { replayed: false, body: done.body };
  });
}
