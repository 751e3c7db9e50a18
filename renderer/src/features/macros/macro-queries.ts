import { useLiveQuery } from 'dexie-react-hooks';
import type { Macro } from '#shared/domain/macro';
import { useWorkspace } from '../../app/workspace-context.tsx';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { macrosFor } from './macro-order.ts';

/**
 * The macros one person may use, team ones first: two index reads, not the
 * table (the device also holds teammates' personal macros, not theirs to use).
 */
export async function loadMacros(db: ShiftdeskDb, userId: string): Promise<Macro[]> {
  const [own, shared] = await Promise.all([
    db.rows('macro').where('ownerId').equals(userId).toArray(),
    db.rows('macro').where('visibility').equals('shared').toArray(),
  ]);
  const byId = new Map([...own, ...shared].map((macro) => [macro.id, macro]));
  return macrosFor([...byId.values()], userId);
}

/** The signed-in agent's macros, live (a lead's edit shows up as soon as it syncs); undefined while reading. */
export function useMacros(): Macro[] | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(() => loadMacros(db, user.id), [db, user.id]);
}
