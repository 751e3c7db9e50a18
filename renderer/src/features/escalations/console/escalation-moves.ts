import type { SessionUser } from '#shared/api/auth';
import type { MutationArgs, MutationName } from '#shared/sync/mutators/registry';
import type { ShiftdeskDb } from '../../../db/shiftdesk-db.ts';
import { mutate } from '../../../sync/mutate.ts';

/**
 * Runs one escalation step locally (it syncs in the background) and returns
 * what to tell the person when the rules refuse it, or null when it took.
 */
export async function escalationMove<N extends MutationName>(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
): Promise<string | null> {
  try {
    await mutate(db, user, name, args);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A question id from this device: unique without asking anyone. */
export function questionSalt(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}
