import type { SessionUser } from '#shared/api/auth';
import { type MutationArgs, type MutationName, isMutationName } from '#shared/sync/mutators/registry';
import { MutationRejected } from '#shared/sync/rejection';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { mutate } from './mutate.ts';

/**
 * Makes one change locally (it syncs in the background). Returns what to tell
 * the person when the rules refuse it or the device cannot save it, else null.
 * `what` names the thing in that message ("The view could not be saved…").
 */
export async function runLocalChange<N extends MutationName>(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
  what = 'The change',
): Promise<string | null> {
  try {
    await mutate(db, user, name, args);
    return null;
  } catch (error) {
    if (error instanceof MutationRejected) return error.message;
    return `${what} could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The same, for a change described by data (a conflict's suggested way forward). */
export async function runSuggestedChange(
  db: ShiftdeskDb,
  user: SessionUser,
  name: string,
  args: unknown,
): Promise<string | null> {
  if (!isMutationName(name)) return `This version of Shiftdesk cannot make the change "${name}".`;
  return runLocalChange(db, user, name, args as MutationArgs<typeof name>);
}
