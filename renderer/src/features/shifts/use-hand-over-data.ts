import { useLiveQuery } from 'dexie-react-hooks';
import type { Role } from '#shared/domain/roles';
import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import { onShiftNow } from '#shared/shifts/on-shift';
import { useWorkspace } from '../../app/workspace-context.tsx';
import type { Recipient } from './plan-hand-over.ts';

/** Someone on shift I may hand tickets to: the role they work, until when, and their open tickets now. */
export interface OnShiftTeammate extends Recipient {
  name: string;
  /** The role worked this shift (an analyst may cover as an agent). */
  role: Role;
  plannedEnd: number;
}

export interface HandOverData {
  /** My open tickets (active statuses), most urgent and oldest first as the queue would show them. */
  mine: Pick<Ticket, 'id' | 'number' | 'subject' | 'priority' | 'createdAt'>[];
  /** Teammates on shift now (trainees excepted), agents first, then by name. */
  onShift: OnShiftTeammate[];
}

const PRIORITY_RANK: Record<Ticket['priority'], number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * What the end-of-shift handover needs, read from this device (it works
 * offline): my open tickets through the assigneeId index, and who is on shift
 * with how many open tickets each holds, counted the same way.
 */
export function useHandOverData(): HandOverData | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(async () => {
    const now = Date.now();
    const openOf = (userId: string) =>
      db
        .rows('ticket')
        .where('assigneeId')
        .equals(userId)
        .filter((ticket) => ACTIVE_STATUSES.has(ticket.status));
    const mine = (await openOf(user.id).toArray()).sort(
      (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt - b.createdAt,
    );
    const running = onShiftNow(await db.rows('shift').toArray(), now);
    const members = await db.rows('member').toArray();
    const teammates = members.filter(
      (member) => member.id !== user.id && member.role !== 'trainee' && running.has(member.id),
    );
    const onShift = await Promise.all(
      teammates.map(async (member) => {
        const shift = running.get(member.id)!;
        return {
          id: member.id,
          name: member.name,
          role: shift.role,
          plannedEnd: shift.plannedEnd,
          open: await openOf(member.id).count(),
        };
      }),
    );
    onShift.sort((a, b) => Number(b.role === 'agent') - Number(a.role === 'agent') || a.name.localeCompare(b.name));
    return {
      mine: mine.map(({ id, number, subject, priority, createdAt }) => ({ id, number, subject, priority, createdAt })),
      onShift,
    };
  }, [db, user.id]);
}
