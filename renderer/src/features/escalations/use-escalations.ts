import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation } from '#shared/domain/escalation';
import type { Shift } from '#shared/domain/shift';
import { onShiftNow } from '#shared/shifts/on-shift';
import { useWorkspace } from '../../app/workspace-context.tsx';

/**
 * Every escalation this device holds, newest first; undefined while read. A
 * team hands over a few dozen a day, so the whole table is small enough to
 * read live (the entity is global, like problems).
 */
export function useEscalations(): readonly Escalation[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.rows('escalation').toArray();
    return rows.sort((a, b) => b.createdAt - a.createdAt);
  }, [db]);
}

/** The escalations one person wrote, newest first (the index `createdBy`). */
export function useEscalationsBy(userId: string): readonly Escalation[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.rows('escalation').where('createdBy').equals(userId).toArray();
    return rows.sort((a, b) => b.createdAt - a.createdAt);
  }, [db, userId]);
}

/** One escalation, live; undefined while read or when absent. */
export function useEscalation(escalationId: string | undefined): Escalation | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () => (escalationId ? db.rows('escalation').get(escalationId) : undefined),
    [db, escalationId],
  );
}

/**
 * The signed-in person's running shift, if any (the newest one not ended and not an hour past its
 * planned end: see isOnShift). Read again whenever the shifts change.
 */
export function useMyShift(): Shift | null | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(async () => {
    const shifts = await db.rows('shift').where('userId').equals(user.id).toArray();
    return onShiftNow(shifts, Date.now()).get(user.id) ?? null;
  }, [db, user.id]);
}

/** Every shift this device holds (the team's), newest first. */
export function useShifts(): readonly Shift[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.rows('shift').toArray();
    return rows.sort((a, b) => b.startedAt - a.startedAt);
  }, [db]);
}
