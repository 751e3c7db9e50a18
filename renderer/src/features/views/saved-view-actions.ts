import type { SessionUser } from '#shared/api/auth';
import { SavedViewId } from '#shared/domain/ids';
import type { MutationArgs } from '#shared/sync/mutators/registry';
import type { savedViewMutators } from '#shared/sync/mutators/saved-view/index';
import { MutationRejected } from '#shared/sync/rejection';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { mutate } from '../../sync/mutate.ts';

type SavedViewMutation = keyof typeof savedViewMutators;

/** A new view's id, drawn here so the screen can switch to the view before the server has it. */
export function newSavedViewId(): SavedViewId {
  return SavedViewId.parse(`viw_${crypto.randomUUID()}`);
}

/**
 * Makes a saved-view change locally (it syncs in the background). Returns what
 * to tell the person when the rules refuse it or the device cannot save it,
 * else null.
 */
export async function runSavedViewChange<N extends SavedViewMutation>(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
): Promise<string | null> {
  try {
    await mutate(db, user, name, args);
    return null;
  } catch (error) {
    if (error instanceof MutationRejected) return error.message;
    return `The view could not be saved on this device: ${error instanceof Error ? error.message : String(error)}`;
  }
}
