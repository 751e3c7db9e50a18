import type { SessionUser } from '#shared/api/auth';
import { SavedViewId } from '#shared/domain/ids';
import type { MutationArgs } from '#shared/sync/mutators/registry';
import type { savedViewMutators } from '#shared/sync/mutators/saved-view/index';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { runLocalChange } from '../../sync/run-change.ts';

type SavedViewMutation = keyof typeof savedViewMutators;

/** A new view's id, drawn here so the screen can switch to the view before the server has it. */
export function newSavedViewId(): SavedViewId {
  return SavedViewId.parse(`viw_${crypto.randomUUID()}`);
}

/** Makes a saved-view change locally (it syncs in the background); see runLocalChange. */
export function runSavedViewChange<N extends SavedViewMutation>(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
): Promise<string | null> {
  return runLocalChange(db, user, name, args, 'The view');
}
