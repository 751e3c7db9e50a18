import { z } from 'zod';
import type { Sql } from '../db/database.ts';

/**
 * "Some sessions of this person just ended" (sign-out, revocation, a disabled
 * account, a role change, a new password). Sent over NOTIFY like pokes, so
 * every server instance hears it and each of that person's sockets checks its
 * own session at once, instead of at its next periodic check a minute later.
 */
export const SESSION_END_CHANNEL = 'shiftdesk_session_end';

export const SessionEndPayload = z.object({ userId: z.string() });

/** Queues the notice; inside a transaction Postgres delivers it on commit, after the sessions are gone. */
export async function notifySessionsEnded(sql: Sql, userId: string): Promise<void> {
  await sql.query('select pg_notify($1, $2)', [SESSION_END_CHANNEL, JSON.stringify({ userId })]);
}
